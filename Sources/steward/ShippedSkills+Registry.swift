import Logging
import StewardRuntime
import StewardSkills

extension ShippedSkills {
    /// The shipped skills' registry for commands that train the router themselves (`classify`):
    /// a skill whose `skill.yaml` or examples are broken is left out with a warning naming the file
    /// and line, as `chat` and `pipe` do, instead of stopping the command.
    static func registry() -> SkillRegistry {
        let registry = SkillRegistry(loading: all)
        let logger = Logger(label: "steward.skills")
        for broken in registry.broken {
            logger.warning("skill \(broken.name) is unavailable: \(broken.reason)")
        }
        return registry
    }
}
