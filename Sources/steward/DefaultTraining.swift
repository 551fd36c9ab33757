import StewardRouter

extension ClassifyCommand {
    /// The training data `steward classify` uses without `--train`: examples and keywords per intent.
    ///
    /// Temporary: a tiny built-in shop set. The lead replaces this body with the skills' manifests.
    static func defaultTrainingExamples() throws -> ([TrainingExample], [String: [String]]) {
        let utterances: [String: [String]] = [
            "order_status": [
                "where is my order", "track my order", "has my order shipped", "when will my package arrive",
                "order status", "where is my parcel", "my order hasn't arrived yet", "tracking number for my order",
            ],
            "return": [
                "I want to return my shoes", "how do I return an item", "return policy", "send it back",
                "I'd like a refund", "start a return", "can I return this", "the item doesn't fit, I want to return it",
            ],
            "coupon": [
                "do you have a discount code", "my coupon doesn't work", "apply a promo code", "any coupons available",
                "voucher code", "is there a sale", "discount for first order",
            ],
            "human_agent": [
                "talk to a human", "I want to speak to a person", "connect me to an agent", "real person please",
                "customer service representative", "can I talk to someone",
            ],
        ]
        let keywords: [String: [String]] = [
            "order_status": ["tracking", "where is my order", "gdzie jest moje zamówienie"],
            "return": ["return", "refund", "zwrot"],
            "coupon": ["coupon", "promo code", "discount", "kupon"],
            "human_agent": ["human", "agent", "operator", "konsultant"],
        ]
        let examples = utterances.sorted { $0.key < $1.key }.flatMap { intent, texts in
            texts.map { TrainingExample(text: $0, intent: intent) }
        }
        return (examples, keywords)
    }
}
