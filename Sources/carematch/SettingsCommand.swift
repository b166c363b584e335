import ArgumentParser
import CareMatch

extension CareMatchCommand {
    /// `carematch settings`: every setting with its default, range and meaning.
    struct SettingsList: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "settings",
            abstract: "List every setting of settings.toml (and --set) with its default, range and meaning.")

        @Option(help: ArgumentHelp("Language of the list: zh or en.", valueName: "zh|en"))
        var lang: ReportLanguage = .en

        func run() throws {
            print(SettingsHelp.render(texts: Texts(lang)))
        }
    }
}
