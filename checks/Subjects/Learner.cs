using DeepLearningKata.Contracts;
using DeepLearningKata.Exercises;

namespace DeepLearningKata.Checks;

// The learner as a subject: each member forwards to the stub the learner fills in under exercises/.

internal sealed class LearnerChapter1 : IChapter1
{
    public double BasicSigmoid(double x) => Chapter1.BasicSigmoid(x);
    public Tensor Sigmoid(Tensor x) => Chapter1.Sigmoid(x);
    public Tensor SigmoidDerivative(Tensor x) => Chapter1.SigmoidDerivative(x);
    public Tensor ImageToVector(Tensor image) => Chapter1.ImageToVector(image);
    public Tensor NormalizeRows(Tensor x) => Chapter1.NormalizeRows(x);
    public Tensor Softmax(Tensor x) => Chapter1.Softmax(x);
    public double L1(Tensor yhat, Tensor y) => Chapter1.L1(yhat, y);
    public double L2(Tensor yhat, Tensor y) => Chapter1.L2(yhat, y);
    public Tensor Dot(Tensor a, Tensor b) => Chapter1.Dot(a, b);
    public Tensor Outer(Tensor a, Tensor b) => Chapter1.Outer(a, b);
    public Tensor Multiply(Tensor a, Tensor b) => Chapter1.Multiply(a, b);
}

internal sealed class LearnerChapter2 : IChapter2
{
    public int Perceptron(Tensor x, Tensor w, double b) => Chapter2.Perceptron(x, w, b);
    public int And(double x1, double x2) => Chapter2.And(x1, x2);
    public int Nand(double x1, double x2) => Chapter2.Nand(x1, x2);
    public int Or(double x1, double x2) => Chapter2.Or(x1, x2);
    public int Xor(double x1, double x2) => Chapter2.Xor(x1, x2);
}

internal sealed class LearnerChapter3 : IChapter3
{
    public Tensor StepFunction(Tensor x) => Chapter3.StepFunction(x);
    public Tensor Sigmoid(Tensor x) => Chapter3.Sigmoid(x);
    public Tensor Relu(Tensor x) => Chapter3.Relu(x);
    public Tensor Identity(Tensor x) => Chapter3.Identity(x);
    public Tensor Softmax(Tensor a) => Chapter3.Softmax(a);
    public IReadOnlyDictionary<string, Tensor> InitNetwork() => Chapter3.InitNetwork();
    public Tensor Forward(IReadOnlyDictionary<string, Tensor> network, Tensor x) => Chapter3.Forward(network, x);
    public Tensor PredictBatch(IReadOnlyDictionary<string, Tensor> network, Tensor x, int batchSize) => Chapter3.PredictBatch(network, x, batchSize);
    public double Accuracy(IReadOnlyDictionary<string, Tensor> network, Tensor x, Tensor t, int batchSize) => Chapter3.Accuracy(network, x, t, batchSize);
}
