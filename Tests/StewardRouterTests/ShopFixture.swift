import Foundation
import StewardRouter

/// The small shop-like intent set in `Fixtures/shop-intents.jsonl` (9 intents plus out-of-scope lines).
enum ShopFixture {
    static let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/shop-intents.jsonl").path

    static let keywords: [String: [String]] = [
        "return_item": ["zwrot", "zwrócić", "retoure", "반품"],
        "order_status": ["tracking", "where is my order", "gdzie jest", "배송"],
        "human_agent": ["human", "agent", "konsultant"],
        "coupon": ["promo code", "kupon"],
    ]

    static func examples() throws -> [TrainingExample] { try TrainingData.load(path: path) }

    static func router(settings: RouterSettings = .init(), keywords: [String: [String]] = keywords) throws -> IntentRouter {
        try IntentRouter(examples: try examples(), keywords: keywords, settings: settings)
    }
}
