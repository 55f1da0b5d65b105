using DeepLearningKata.Contracts;

namespace DeepLearningKata.Reference;

/// <summary>Reference solutions of chapter 2, one file per exercise beside this one.</summary>
public partial class Chapter2Reference : IChapter2;
