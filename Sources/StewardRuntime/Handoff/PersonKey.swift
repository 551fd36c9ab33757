import StewardCore

/// Who a ticket belongs to on channels that keep one ticket per person (SMS, WhatsApp): the person's
/// channel identity as the host gives it, never an email nobody verified.
///
/// In order of preference:
/// 1. `phone:<number>`: the customer's `phone` from the host (``Customer/phone``), or else the session id
///    when it reads as a phone number (SMS and WhatsApp hosts name sessions by the sender's number),
///    normalised by ``PhoneNumber/normalised(_:)``;
/// 2. `email:<address>`: the email proven in the conversation (order number plus matching email) or
///    given by the host with `authenticated: true` (``Customer/identifiedEmail``);
/// 3. `profile:<id>`: the host's profile id;
/// 4. `session:<id>`: the conversation alone.
///
/// A typed or host-given email that is not verified never names the person: anyone could give
/// anyone's email and add messages to their ticket. The prefixes keep the kinds apart (a session named
/// like someone's email is not that person). Keys are compared exactly by the ticket stores.
public enum PersonKey {
    /// The key of the session's person.
    public static func of(_ session: Session) -> String {
        if let phone = session.customer.phone.flatMap(PhoneNumber.normalised) ?? PhoneNumber.normalised(session.id) {
            return "phone:" + phone
        }
        if let email = session.customer.identifiedEmail {
            return "email:" + email.lowercased()
        }
        if let profile = session.customer.profileID {
            return "profile:" + profile
        }
        return "session:" + session.id
    }
}
