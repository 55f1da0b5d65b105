using DeepLearningKata.Contracts;

namespace DeepLearningKata.Reference;

/// <summary>Reference solutions of chapter 3, one file per exercise beside this one.</summary>
public partial class Chapter3Reference : IChapter3;
