// Every check writes its messages with Say(en, zh) (Core/L10n.cs): English and Chinese side by side.
global using static DeepLearningKata.Checks.L10n;
