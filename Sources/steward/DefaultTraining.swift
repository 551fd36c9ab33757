import StewardRouter
import StewardRuntime
import StewardSkills

extension ClassifyCommand {
    /// The training data `steward classify` uses without `--train`: the shipped skills' manifests
    /// and Steward's system intents, exactly what `steward chat` and `steward pipe` route with.
    static func defaultTrainingExamples() throws -> ([TrainingExample], [String: [String]]) {
        let data = RouterTraining.data(for: ShippedSkills.registry())
        return (data.examples, data.keywords)
    }
}
