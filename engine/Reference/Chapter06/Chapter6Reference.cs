using DeepLearningKata.Contracts;

namespace DeepLearningKata.Reference;

/// <summary>Reference solutions of chapter 6, one file per exercise beside this one.</summary>
public partial class Chapter6Reference : IChapter6;
