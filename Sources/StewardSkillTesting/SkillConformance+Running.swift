import Foundation
import StewardCore
import StewardRuntime

extension SkillConformance {
    /// Tools or knowledge topics the manifest declares that the demo store or `knowledge/` does not have.
    public func requirementProblems(of skillID: String) -> [ConformanceProblem] {
        guard let manifest = manifest(of: skillID) else { return [] }
        let harness: SkillHarness
        switch bench {
        case .success(let built): harness = built
        case .failure(let failure):
            return [ConformanceProblem(skill: skillID, check: "requirements", message: "the demo store cannot be set up: \(failure.message)")]
        }
        let status = harness.engine.registry.status(of: manifest, tools: harness.tools, knowledge: harness.knowledge, disabled: [])
        guard status != .live else { return [] }
        return [ConformanceProblem(
            skill: skillID, check: "requirements", message: "is \(status) on the demo store; declare only tools and knowledge topics it has")]
    }

    /// Intents the skill cannot answer on the demo store, and replies that do not fit a channel it serves.
    public func answerProblems(of skillID: String) async -> [ConformanceProblem] {
        guard let manifest = manifest(of: skillID), let skill = skill(skillID) else { return [] }
        let harness: SkillHarness
        switch bench {
        case .success(let built): harness = built
        case .failure(let failure):
            return [ConformanceProblem(skill: skillID, check: "answer", message: "the demo store cannot be set up: \(failure.message)")]
        }
        var problems: [ConformanceProblem] = []
        for name in manifest.intents.keys.sorted() {
            guard let example = Self.englishExample(of: manifest.intents[name]!) else { continue }
            for channel in Channel.allCases where manifest.serves(channel) {
                let reply: SkillResponse
                do {
                    reply = try await harness.ask(skill, example, intent: name, customer: SkillHarness.demoCustomer, channel: channel)
                } catch {
                    problems.append(ConformanceProblem(
                        skill: skillID, check: "answer", message: "throws on `\(name)` (\"\(example)\") on \(channel.rawValue): \(error)"))
                    continue
                }
                if let problem = limits.problem(with: harness.render(reply, on: channel), on: channel) {
                    problems.append(ConformanceProblem(skill: skillID, check: "channel", message: "`\(name)` (\"\(example)\"): \(problem)"))
                }
            }
        }
        return problems
    }

    /// A missing `conversations/` folder, and the skill's conversation scripts that fail.
    public func conversationProblems(of skillID: String) async -> [ConformanceProblem] {
        guard let folder = folders[skillID] else {
            return [ConformanceProblem(skill: skillID, check: "conversations", message: "no folder under Skills/ has a skill.yaml with `id: \(skillID)`")]
        }
        let runner = ConversationRunner(skills: skills, baseDirectory: baseDirectory)
        let files: [URL]
        do { files = try runner.scriptFiles(in: ["Skills/\(folder)/conversations"]) } catch {
            return [ConformanceProblem(
                skill: skillID, check: "conversations",
                message: "no conversation scripts in Skills/\(folder)/conversations/ (\(error)); add at least one")]
        }
        var problems: [ConformanceProblem] = []
        for file in files {
            let result = await runner.run(file: file)
            if !result.passed {
                problems.append(ConformanceProblem(skill: skillID, check: "conversations", message: result.report))
            }
        }
        return problems
    }
}
