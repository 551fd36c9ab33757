/// Chooses the decision settings (threshold, margin and softmax temperature) on validation messages.
///
/// The rule maximises in-scope accuracy plus out-of-scope recall, where an in-scope message that is
/// rejected (no match or ambiguous) counts as an error. Ties go to the higher in-scope accuracy (fewer
/// customers wrongly turned away), then to the smaller margin, then to the middle of the widest run of
/// thresholds giving the same in-scope accuracy and recall. Never select on the test split.
public struct ThresholdSelection: Sendable, Hashable {
    public var threshold: Double
    public var margin: Double
    public var temperature: Double
    /// Exponent of the vocabulary coverage applied to confidences.
    public var coverageExponent: Double
    /// The objective reached on the validation messages.
    public var objective: Double
    /// In-scope accuracy on the validation messages at the chosen settings (part of the objective).
    public var inScopeAccuracy: Double = 0

    /// Temperatures tried.
    public static let temperatures: [Double] = [0.5, 0.75, 1, 1.5, 2, 3, 4, 6]
    /// Coverage exponents tried.
    public static let coverageExponents: [Double] = [0, 0.5, 1, 2]
    /// Thresholds tried: 0 to 0.995 in steps of 0.005.
    public static let thresholds: [Double] = (0..<200).map { Double($0) * 0.005 }
    /// Margins tried: 0 to 0.3 in steps of 0.01.
    public static let margins: [Double] = (0...30).map { Double($0) * 0.01 }

    /// Searches temperatures, thresholds and margins on the validation examples.
    public static func select(for router: IntentRouter, validation: [TrainingExample], temperatures: [Double] = temperatures, coverageExponents: [Double] = coverageExponents) -> ThresholdSelection {
        let labels = router.classLabels
        let oosClass = labels.last == TrainingData.outOfScopeIntent ? labels.count - 1 : nil
        let analyses = validation.map { router.analysis(for: $0.text) }
        let rows = analyses.map(\.logits)
        let expected = validation.map { labels.firstIndex(of: $0.intent) ?? (TrainingData.outOfScopeIntent == $0.intent ? -1 : -2) }
        let isOOS = validation.map(\.isOutOfScope)
        let inScopeCount = isOOS.filter { !$0 }.count
        let oosCount = isOOS.count - inScopeCount
        var best = ThresholdSelection(threshold: 0, margin: 0, temperature: 1, coverageExponent: 0, objective: -1, inScopeAccuracy: -1)
        for exponent in coverageExponents {
        for temperature in temperatures {
            // Per message: top in-scope probability, runner-up, whether the top is right, whether oos wins.
            var p1 = [Double](), p2 = [Double](), right = [Bool](), oosWins = [Bool]()
            for ((row, want), analysis) in zip(zip(rows, expected), analyses) {
                let s = softmaxTop2(row, temperature: temperature, excluding: oosClass)
                let factor = exponent == 0 ? 1 : Double(powf(Float(analysis.coverage), Float(exponent)))
                p1.append(Double(Float(s.p1) * Float(factor))); p2.append(Double(Float(s.p2) * Float(factor)))
                right.append(s.top == want); oosWins.append(s.oos >= Double(Float(s.p1) * Float(factor)))
            }
            for margin in margins {
                var scores = [Double](repeating: 0, count: thresholds.count)
                var inScope = [Double](repeating: 0, count: thresholds.count)
                for k in p1.indices {
                    let accepted = !oosWins[k] && p1[k] - p2[k] >= margin
                    // Accepted for thresholds <= p1: a sorted grid lets us count by index.
                    let reach = accepted ? min(thresholds.count, Int((p1[k] / 0.005).rounded(.down)) + 1) : 0
                    if isOOS[k] {
                        // Rejected for thresholds above p1 (and always when not accepted).
                        let weight = 1 / Double(max(oosCount, 1))
                        for t in reach..<thresholds.count { scores[t] += weight }
                    } else if right[k] {
                        let weight = 1 / Double(max(inScopeCount, 1))
                        for t in 0..<reach { scores[t] += weight; inScope[t] += weight }
                    }
                }
                guard let top = scores.max() else { continue }
                // Among the thresholds reaching the objective, the best in-scope accuracy.
                var topInScope = -1.0
                for t in scores.indices where scores[t] >= top - 1e-9 { topInScope = max(topInScope, inScope[t]) }
                if top > best.objective + 1e-9 || (top > best.objective - 1e-9 && topInScope > best.inScopeAccuracy + 1e-9) {
                    let eligible = scores.indices.map { scores[$0] >= top - 1e-9 && inScope[$0] >= topInScope - 1e-9 }
                    best = ThresholdSelection(
                        threshold: middleOfWidestRun(eligible), margin: margin, temperature: temperature,
                        coverageExponent: exponent, objective: top, inScopeAccuracy: topInScope)
                }
            }
        }
        }
        return best
    }

    private static func middleOfWidestRun(_ eligible: [Bool]) -> Double {
        var bestStart = 0, bestLength = 0, start = -1
        for (index, ok) in eligible.enumerated() {
            if ok {
                if start < 0 { start = index }
                if index - start + 1 > bestLength { bestLength = index - start + 1; bestStart = start }
            } else {
                start = -1
            }
        }
        return thresholds[bestStart + (bestLength - 1) / 2]
    }

    private static func softmaxTop2(_ logits: [Float], temperature: Double, excluding oos: Int?) -> (top: Int, p1: Double, p2: Double, oos: Double) {
        var maxLogit = -Double.infinity
        for value in logits where Double(value) > maxLogit { maxLogit = Double(value) }
        var sum = 0.0
        var first = -1, second = -1
        for (c, value) in logits.enumerated() {
            sum += exp((Double(value) - maxLogit) / temperature)
            if c == oos { continue }
            if first < 0 || value > logits[first] { second = first; first = c } else if second < 0 || value > logits[second] { second = c }
        }
        func p(_ c: Int) -> Double { c < 0 ? 0 : exp((Double(logits[c]) - maxLogit) / temperature) / sum }
        return (first, p(first), p(second), oos.map { p($0) } ?? 0)
    }
}

import Foundation
