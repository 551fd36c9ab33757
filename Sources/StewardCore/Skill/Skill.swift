import Foundation

/// A module that answers one area of customer questions, such as order tracking or returns.
///
/// A skill lives in its own folder under `Skills/`, next to a `skill.yaml` manifest that lists
/// its intents with example utterances and keywords (the router is trained from them), the
/// channels it serves, whether it needs an identified customer and which tools and knowledge
/// topics it needs.
///
/// Implementation requirements:
/// - Be a value type (`struct`) with no mutable shared state: the same skill serves every
///   conversation at once. Per-conversation memory goes in ``SkillRequest/state`` and comes back
///   in ``SkillResponse/state``.
/// - Read account data (orders, points, subscriptions) only when
///   ``Customer/isIdentified`` is true, or after verifying the customer yourself (order number
///   plus matching email), reported through ``SkillResponse/verifiedEmail``.
/// - Answer from tools and knowledge only; never invent data.
public protocol Skill: Sendable {
    /// The location of this skill's `skill.yaml`; usually `Bundle.module.skillManifestURL`.
    var manifestURL: URL? { get }

    /// Handles one customer message routed to this skill.
    ///
    /// - Parameters:
    ///   - request: The message, its classified intent, the conversation so far and this skill's state.
    ///   - context: Access to tools, knowledge and logging.
    /// - Returns: The reply and what happened: resolved, needs more input, or cannot resolve.
    /// - Throws: Any error; the runtime answers politely and treats it as `cannotResolve`.
    func handle(_ request: SkillRequest, context: SkillContext) async throws -> SkillResponse
}

extension Bundle {
    /// The URL of the `skill.yaml` manifest shipped as a resource of a skill target.
    public var skillManifestURL: URL? {
        url(forResource: "skill", withExtension: "yaml")
    }
}
