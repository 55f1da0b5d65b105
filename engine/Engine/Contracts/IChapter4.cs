namespace DeepLearningKata.Contracts;

/// <summary>Chapter 4, learning from data: losses, numerical differentiation, gradient descent, training.</summary>
public interface IChapter4
{
}
