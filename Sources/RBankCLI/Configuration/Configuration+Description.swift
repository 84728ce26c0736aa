import Foundation

extension Configuration: CustomStringConvertible, CustomReflectable {
    /// A summary without any values, so printing a configuration can never show a key.
    public var description: String {
        var parts = ["working directory \(workingDirectory.path)"]
        if let dotEnvFile { parts.append(".env \(dotEnvFile.path)") }
        if let tomlFile { parts.append("toml \(tomlFile.path)") }
        parts.append("\(layers.count) variables set")
        return "Configuration(" + parts.joined(separator: ", ") + ")"
    }

    /// Reflection (`dump`, debuggers) shows the files and warnings, never the values.
    public var customMirror: Mirror {
        Mirror(
            self,
            children: [
                "workingDirectory": workingDirectory, "dotEnvFile": dotEnvFile as Any, "tomlFile": tomlFile as Any,
                "warnings": warnings,
            ], displayStyle: .struct)
    }
}

extension ConfiguredValue: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The value shown for printing: `[redacted]` for secrets.
    var printableValue: String {
        ConfigurationVariable.named(name)?.isSecret == true ? SecretRedactor.replacement : raw
    }

    /// `NAME=value (source)`, with secrets redacted.
    public var description: String { "\(name)=\(printableValue) (\(source))" }

    /// `NAME=value (source)`, with secrets redacted.
    public var debugDescription: String { description }

    /// Reflection shows the value redacted when it is a secret.
    public var customMirror: Mirror {
        Mirror(self, children: ["name": name, "raw": printableValue, "source": source], displayStyle: .struct)
    }
}
