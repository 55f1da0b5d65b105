using DeepLearningKata.Contracts;

namespace DeepLearningKata.Reference;

/// <summary>
/// Reference solutions of chapter 1, one file per exercise beside this one (<c>1.3-SigmoidDerivative.cs</c>, …).
/// Members are virtual so that a mutant can derive from the reference and get exactly one thing wrong.
/// </summary>
public partial class Chapter1Reference : IChapter1;
