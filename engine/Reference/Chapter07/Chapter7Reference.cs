using DeepLearningKata.Contracts;

namespace DeepLearningKata.Reference;

/// <summary>Reference solutions of chapter 7, one file per exercise beside this one.</summary>
public partial class Chapter7Reference : IChapter7;
