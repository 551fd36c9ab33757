import Foundation
import StewardCore

/// Suggests products from the catalog that fit what the customer asked: a text search over titles,
/// tags, product types and descriptions, a price range read from the message ("under $100",
/// "between 50 and 100"), in-stock products first, and "something like X" by type and tags.
/// Only products in the catalog are ever named.
public struct RecommendationsSkill: Skill {
    /// How many products to suggest at most.
    public var limit: Int

    public init(limit: Int = 3) {
        self.limit = limit
    }

    public var manifestURL: URL? { Bundle.module.skillManifestURL }

    public func handle(_ request: SkillRequest, context: SkillContext) async throws -> SkillResponse {
        guard let catalog = context.tools.products else {
            return .cannotResolve("I can't look at our products right now.", reason: "no product catalog configured")
        }
        let index = ProductIndex(try await catalog.products())
        let words = Words.split(request.text)
        let budget = PriceRange(words, entities: request.entities)
        if let (reference, rest) = index.reference(in: words, similarIntent: request.intent == "product_similar") {
            return similar(to: reference, budget: budget, cheaper: rest.contains("cheaper"), index: index)
        }
        let terms = ProductIndex.terms(words)
        if terms.isEmpty, budget.isEmpty {
            return .ask(
                "Happy to help you find something. What are you looking for? For example \"a warm jacket under $100\" or \"running shoes\".",
                state: SkillState(slots: ["asked": "1"]))
        }
        let matches = terms.isEmpty ? index.products.sorted { $0.price > $1.price } : index.search(terms)
        guard !matches.isEmpty else {
            return .cannotResolve("I couldn't find anything like that in our catalog.", reason: "no product matched the request", facts: ["searched": request.text])
        }
        let fitting = matches.filter(budget.contains)
        guard let best = fitting.first else {
            let cheapest = matches.min { $0.price < $1.price }!
            return .cannotResolve(
                "I couldn't find anything that fits \(budget.phrase). The closest in price is the \(cheapest.title) at \(cheapest.price.formatted).",
                reason: "no product in the price range", facts: ["searched": request.text])
        }
        let inStock = Array(fitting.filter(\.available).prefix(limit))
        var text = ""
        if !best.available {
            text = "The best match, the \(best.title) (\(best.price.formatted)), is sold out right now."
            guard !inStock.isEmpty else {
                return .answer(text + " Check its page for when it's back: \(best.url ?? "")", cards: [card(best)], facts: ["products": best.id])
            }
            text += " Here's what's in stock\(budget.isEmpty ? "" : " " + budget.phrase):"
        } else {
            text = "Here's what I'd suggest\(budget.isEmpty ? "" : " " + budget.phrase):"
        }
        return answer(text, inStock)
    }

    /// Products of the same type or with the same tags as `reference` (kids' products only for kids'), closest in price first.
    func similar(to reference: Product, budget: PriceRange, cheaper: Bool, index: ProductIndex) -> SkillResponse {
        let shared = { (other: Product) -> Int in
            (other.productType == reference.productType ? 3 : 0) + Set(other.tags).intersection(reference.tags).count
        }
        let distance = { (other: Product) -> Decimal in abs(other.price.amount - reference.price.amount) }
        let others = index.products.filter {
            $0.id != reference.id && ($0.productType == reference.productType || shared($0) >= 3) && budget.contains($0) && (!cheaper || $0.price < reference.price)
                && $0.tags.contains("kids") == reference.tags.contains("kids")
        }
        .sorted { shared($0) != shared($1) ? shared($0) > shared($1) : distance($0) < distance($1) }
        let inStock = Array(others.filter(\.available).prefix(limit))
        let condition = [cheaper ? "cheaper" : nil, budget.isEmpty ? nil : budget.phrase].compactMap { $0 }.joined(separator: " and ")
        guard !inStock.isEmpty else {
            return .cannotResolve(
                "I couldn't find anything in stock like the \(reference.title)\(condition.isEmpty ? "" : ", " + condition).",
                reason: "no similar product in stock", facts: ["similar_to": reference.title])
        }
        var text = reference.available ? "" : "The \(reference.title) is sold out right now. "
        text += "Similar to the \(reference.title) (\(reference.price.formatted))\(condition.isEmpty ? "" : ", " + condition):"
        return answer(text, inStock)
    }

    func answer(_ intro: String, _ products: [Product]) -> SkillResponse {
        let lines = products.map { "• \($0.title), \($0.price.formatted)" }.joined(separator: "\n")
        return .answer("\(intro)\n\(lines)", cards: products.map(card), facts: ["products": products.map(\.id).joined(separator: ",")])
    }

    func card(_ product: Product) -> Card {
        Card(
            kind: .product, title: product.title,
            subtitle: "\(product.productType) · \(product.available ? "In stock" : "Sold out")",
            fields: [Card.Field("Price", product.price.formatted)], imageURL: product.imageURL, url: product.url,
            buttons: product.url.map { [Card.Button(title: "View product", url: $0)] } ?? [])
    }
}

/// The catalog prepared for search: each product's terms by field, and how rare each term is.
struct ProductIndex {
    let products: [Product]
    private let fields: [[String: Double]]
    private let titles: [Set<String>]
    private let documentFrequency: [String: Int]
    /// Terms of product types and tags: they describe a kind of product, not one product.
    private let genericTerms: Set<String>

    /// Field weights (a term counts once, in its best field): titles, tags and types say more than descriptions.
    static let titleWeight = 3.0, tagWeight = 3.0, typeWeight = 2.0, descriptionWeight = 1.0

    init(_ products: [Product]) {
        self.products = products
        var fields: [[String: Double]] = []
        var titles: [Set<String>] = []
        var df: [String: Int] = [:]
        for product in products {
            var weights: [String: Double] = [:]
            func add(_ text: String, _ weight: Double) {
                for term in Self.terms(Words.split(text.replacingOccurrences(of: "-", with: " "))) {
                    weights[term] = max(weights[term] ?? 0, weight)
                }
            }
            add(product.description, Self.descriptionWeight)
            add(product.productType, Self.typeWeight)
            add(product.tags.joined(separator: " "), Self.tagWeight)
            add(product.title, Self.titleWeight)
            titles.append(Set(Self.terms(Words.split(product.title))))
            for term in weights.keys { df[term, default: 0] += 1 }
            fields.append(weights)
        }
        self.fields = fields
        self.titles = titles
        self.documentFrequency = df
        self.genericTerms = Set(products.flatMap { Self.terms(Words.split(($0.tags + [$0.productType]).joined(separator: " ").replacingOccurrences(of: "-", with: " "))) })
    }

    func idf(_ term: String) -> Double {
        let df = Double(documentFrequency[term] ?? 0)
        return log(1 + (Double(products.count) - df + 0.5) / (df + 0.5))
    }

    /// Products matching the terms, best first; weak matches (under half the best score) are left out.
    /// Kids' products count half unless the customer asks for kids.
    func search(_ terms: [String]) -> [Product] {
        let unique = Array(Set(terms))
        let scored = products.indices.compactMap { i -> (Int, Double)? in
            let forKids = products[i].tags.contains("kids") && !unique.contains("kid")
            let score = unique.reduce(0.0) { $0 + (fields[i][$1] ?? 0) * idf($1) } * (forKids ? 0.5 : 1)
            return score > 0 ? (i, score) : nil
        }
        guard let best = scored.map(\.1).max() else { return [] }
        return scored.filter { $0.1 >= best / 2 }.sorted { ($0.1, $1.0) > ($1.1, $0.0) }.map { products[$0.0] }
    }

    /// For "something like the blue runners": the product named after the cue, and the words naming it.
    /// The name must include a word of a product's own title ("runner", "beanie"), not only a type or tag ("jacket", "warm").
    func reference(in words: [String], similarIntent: Bool) -> (Product, Set<String>)? {
        let cues: Set<String> = ["similar", "alternative", "alternatives", "ahnliches", "ahnlich", "parecido", "comme", "podobne", "podobnego"]
        var start: Int?
        for (i, word) in words.enumerated() {
            if cues.contains(word) { start = i + 1; break }
            let before = i > 0 ? words[i - 1] : "", after = i + 1 < words.count ? words[i + 1] : ""
            if word == "like", !["would", "id", "i", "we", "wed", "really"].contains(before),
                ["something", "anything", "one", "ones", "more", "others", "other"].contains(before)
                    || ["the", "my", "those", "these", "that", "this"].contains(after)
            {
                start = i + 1
                break
            }
        }
        if start == nil, similarIntent { start = 0 }
        guard let start else { return nil }
        let rest = start < words.count ? Array(words[start...]) : words
        let named = Set(Self.terms(rest))
        let candidates = products.indices.compactMap { i -> (Int, Double)? in
            let overlap = titles[i].intersection(named)
            guard !overlap.subtracting(genericTerms).isEmpty else { return nil }
            let weight = overlap.reduce(0.0) { $0 + idf($1) }
            return (i, weight / Double(titles[i].count).squareRoot())
        }
        guard let best = candidates.max(by: { ($0.1, $1.0) < ($1.1, $0.0) }) else { return nil }
        return (products[best.0], Set(rest))
    }

    /// A message's search terms: filler and price words dropped, plurals folded, a few other languages mapped.
    static func terms(_ words: [String]) -> [String] {
        words.compactMap { word in
            guard word.first?.isLetter == true, !filler.contains(word) else { return nil }
            let mapped = synonyms[word] ?? word
            guard mapped.count > 3, mapped.hasSuffix("s"), !mapped.hasSuffix("ss") else { return mapped }
            return mapped.hasSuffix("ies") ? String(mapped.dropLast(3)) + "y" : String(mapped.dropLast())
        }
    }

    static let synonyms: [String: String] = [
        "coat": "jacket", "coats": "jacket", "kurtka": "jacket", "kurtke": "jacket", "jacke": "jacket", "chaqueta": "jacket",
        "veste": "jacket", "sneaker": "shoe", "sneakers": "shoe", "trainers": "shoe", "zapatillas": "shoe", "buty": "shoe",
        "schuhe": "shoe", "chaussures": "shoe", "ciepla": "warm", "cieplej": "warm", "warme": "warm", "warmen": "warm",
        "chaude": "warm", "chaud": "warm", "caliente": "warm", "wasserdicht": "waterproof", "impermeable": "waterproof", "correr": "running",
        "laufen": "running", "bieganie": "running", "regen": "rain", "lluvia": "rain", "pluie": "rain", "hike": "hiking",
        "hikes": "hiking", "run": "running", "runs": "running", "rainy": "rain", "cold": "warm", "kids": "kids", "children": "kids",
    ]

    /// Words that say nothing about the product: requests, prices, connectives (English and the router's other languages).
    static let filler: Set<String> = [
        "a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at", "for", "with", "by", "from", "is", "are", "be",
        "i", "im", "me", "my", "you", "your", "we", "it", "its", "this", "that", "these", "those", "can", "could", "would",
        "should", "will", "do", "does", "did", "have", "has", "any", "some", "please", "what", "whats", "which", "how", "who",
        "want", "need", "like", "looking", "look", "find", "show", "recommend", "recommendation", "recommendations", "suggest",
        "suggestion", "something", "anything", "else", "other", "others", "one", "ones", "good", "best", "great", "nice",
        "buy", "get", "sell", "choose", "help", "product", "products", "item", "items", "gift", "present", "options", "option",
        "under", "below", "over", "above", "less", "more", "than", "between", "up", "max", "maximum", "min", "minimum",
        "least", "most", "within", "budget", "cheaper", "cheap", "price", "priced", "cost", "dollar", "dollars", "usd", "bucks",
        "similar", "alternative", "alternatives", "same", "style", "bigger", "smaller", "id", "ill", "there", "here",
        "ich", "suche", "eine", "einen", "unter", "uber", "etwas", "wie", "der", "die", "das", "busco", "unos", "unas", "una",
        "para", "algo", "parecido", "las", "los", "je", "cherche", "une", "un", "quelque", "chose", "comme", "la", "le",
        "pol", "polec", "mi", "mnie", "cos", "podobne", "ponizej", "powyzej",
    ]
}

/// A price range read from a message: "under $100", "below 50", "over $200", "between 50 and 100", "50-100".
///
/// An amount's number is read as the message's `MessageEntities.amounts` read it ("under 1.299,00 €"
/// is under 1299); an order number ("order 1001", "#1001") is never a price.
struct PriceRange {
    var minimum: Decimal?
    var maximum: Decimal?

    var isEmpty: Bool { minimum == nil && maximum == nil }

    init(minimum: Decimal? = nil, maximum: Decimal? = nil) {
        self.minimum = minimum
        self.maximum = maximum
    }

    /// Reads the range from a message's words.
    ///
    /// - Parameters:
    ///   - words: The message's words (`Words.split(_:)`).
    ///   - entities: The message's entities: amounts give their numbers' values, order numbers are left out.
    init(_ words: [String], entities: MessageEntities = MessageEntities()) {
        var amounts: [String: Decimal] = [:]
        for amount in entities.amounts { amounts[amount.written] = amount.value }
        let orderNumbers = Set(entities.orderNumbers).subtracting(amounts.keys)
        var words = words
        // "1 299 kr": an amount's number written in groups is one word here.
        for (written, _) in amounts where written.contains(" ") {
            let parts = written.split(separator: " ").map(String.init)
            var i = 0
            while i + parts.count <= words.count {
                if Array(words[i..<(i + parts.count)]) == parts { words.replaceSubrange(i..<(i + parts.count), with: [written]) }
                i += 1
            }
        }
        func number(_ i: Int) -> Decimal? {
            guard i >= 0, i < words.count, words[i].first?.isNumber == true, !orderNumbers.contains(words[i]) else { return nil }
            return amounts[words[i]] ?? Decimal(string: words[i].replacingOccurrences(of: ",", with: ""))
        }
        let maxCues: Set<String> = ["under", "below", "max", "maximum", "within", "budget", "unter", "bis", "ponizej", "bajo", "sous"]
        let minCues: Set<String> = ["over", "above", "min", "minimum", "uber", "powyzej", "from"]
        let rangeCues: Set<String> = ["between", "zwischen", "entre", "miedzy", "pomiedzy"]
        let joiners: Set<String> = ["and", "to", "und", "y", "et", "i", "a"]
        for i in words.indices {
            guard let value = number(i) else { continue }
            let prev = i > 0 ? words[i - 1] : "", prev2 = i > 1 ? words[i - 2] : ""
            let secondOfPair = number(i + 1) ?? (joiners.contains(i + 1 < words.count ? words[i + 1] : "") ? number(i + 2) : nil)
            if let upper = secondOfPair, rangeCues.contains(prev) || (!maxCues.contains(prev) && !minCues.contains(prev)) {
                (minimum, maximum) = (min(value, upper), max(value, upper))
                return
            }
            if maxCues.contains(prev) || (prev == "than" && ["less", "cheaper", "lower"].contains(prev2))
                || (prev == "to" && prev2 == "up") || (prev == "de" && ["menos", "moins"].contains(prev2))
            {
                maximum = value
            } else if minCues.contains(prev) || (prev == "than" && ["more", "higher"].contains(prev2))
                || (prev == "least" && prev2 == "at") || (prev == "de" && ["mas", "plus"].contains(prev2))
            {
                minimum = value
            }
        }
    }

    func contains(_ product: Product) -> Bool {
        (minimum.map { product.price.amount >= $0 } ?? true) && (maximum.map { product.price.amount <= $0 } ?? true)
    }

    /// "under $100.00", "over $200.00", "between $50.00 and $100.00".
    var phrase: String {
        switch (minimum, maximum) {
        case let (low?, high?): "between \(Money(low).formatted) and \(Money(high).formatted)"
        case let (nil, high?): "under \(Money(high).formatted)"
        case let (low?, nil): "over \(Money(low).formatted)"
        case (nil, nil): "at any price"
        }
    }
}
