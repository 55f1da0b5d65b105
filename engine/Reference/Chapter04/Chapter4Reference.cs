using DeepLearningKata.Contracts;

namespace DeepLearningKata.Reference;

/// <summary>Reference solutions of chapter 4, one file per exercise beside this one.</summary>
public partial class Chapter4Reference : IChapter4;
