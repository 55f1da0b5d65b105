namespace DeepLearningKata.Contracts;

/// <summary>Chapter 5, backpropagation: layers with Forward and Backward.</summary>
public interface IChapter5
{
}
