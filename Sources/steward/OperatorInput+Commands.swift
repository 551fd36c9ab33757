import ArgumentParser

// Every command's free-text, identifier and file options pass ``OperatorInput`` before the command runs;
// the commands with a `validate()` of their own call it there.

extension RuntimeOptions {
    func validate() throws {
        try OperatorInput.path(config ?? "", option: "--config")
        try OperatorInput.path(db ?? "", option: "--db")
    }
}

extension StoreOptions {
    func validate() throws {
        try OperatorInput.path(config ?? "", option: "--config")
        try OperatorInput.path(db ?? "", option: "--db")
    }
}

extension StoreBackupCommand {
    func validate() throws {
        try OperatorInput.path(destination, option: "FILE")
    }
}

extension ClassifyCommand {
    func validate() throws {
        try OperatorInput.paths([train], option: "--train")
        try OperatorInput.paths([keywords], option: "--keywords")
        try OperatorInput.paths([file], option: "--file")
        try OperatorInput.paths([config], option: "--config")
    }
}

extension EvalCommand {
    func validate() throws {
        try OperatorInput.paths([train], option: "--train")
        try OperatorInput.paths([test], option: "--test")
        try OperatorInput.paths([skills], option: "--skills")
        try OperatorInput.paths([config], option: "--config")
        try OperatorInput.paths([val], option: "--val")
    }
}

extension ReplayCommand {
    func validate() throws {
        try OperatorInput.path(against, option: "--against")
        try OperatorInput.paths([config], option: "--config")
        try OperatorInput.paths(files, option: "FILE")
    }
}

extension TestCommand {
    func validate() throws {
        try OperatorInput.paths([config], option: "--config")
        try OperatorInput.paths(paths, option: "PATH")
    }
}

extension SkillsCommand.Show {
    func validate() throws {
        try OperatorInput.identifier(id, option: "ID")
    }
}

extension TicketsCommand.Show {
    func validate() throws { try OperatorInput.identifier(id, option: "ID") }
}

extension TicketsCommand.Close {
    func validate() throws { try OperatorInput.identifier(id, option: "ID") }
}

extension TicketsCommand.Snooze {
    func validate() throws { try OperatorInput.identifier(id, option: "ID") }
}

extension TicketsCommand.Reopen {
    func validate() throws { try OperatorInput.identifier(id, option: "ID") }
}

extension TicketsCommand.Assign {
    func validate() throws {
        try OperatorInput.identifier(id, option: "ID")
        // An empty name unassigns the ticket.
        try OperatorInput.name(name, option: "NAME", required: false)
    }
}
