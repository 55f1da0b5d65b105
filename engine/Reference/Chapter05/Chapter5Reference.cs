using DeepLearningKata.Contracts;

namespace DeepLearningKata.Reference;

/// <summary>Reference solutions of chapter 5, one file per exercise beside this one.</summary>
public partial class Chapter5Reference : IChapter5;
