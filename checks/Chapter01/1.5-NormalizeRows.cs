using DeepLearningKata.Contracts;
using FsCheck.Fluent;

namespace DeepLearningKata.Checks.Chapter01;

[Exercise("1.5", "NormalizeRows")]
public sealed class NormalizeRowsChecks
{
    private static string Hint => Say("divide each row by its own L2 norm √(Σ_j x[i, j]²): one norm per row (mind the axis of Np.Norm), kept as a " +
                                "column (m, 1) with keepdims so that the division broadcasts it along its row. (The other axis gives the " +
                                "column norms.) More: ./run-checks.sh --hint 1.5", "每一行除以它自己的 L2 范数 √(Σ_j x[i, j]²)：每行一个范数（注意 Np.Norm 的轴），用 keepdims 保持为列 (m, 1)，这样除法会沿着它所在的行广播。（另一个轴给出的是列范数。）更多：./run-checks.sh --hint 1.5 --lang zh");

    private static string LengthHint => Say("after dividing by the L2 norm √(Σ x²) of its row, every row has length 1. Not the column norms " +
                                      "(axis: 0), not the L1 norm Σ|x|, not Σ x² without the square root.", "除以所在行的 L2 范数 √(Σ x²) 之后，每一行的长度都是 1。不是列范数（axis: 0），不是 L1 范数 Σ|x|，也不是没开平方的 Σ x²。");

    private static string DirectionHint => Say("each row must be divided by one positive number, its own norm, so it keeps its direction. " +
                                         "Column norms (axis: 0), or row norms without keepdims, divide different columns by different numbers.", "每一行都必须除以同一个正数——它自己的范数，这样方向才保持不变。列范数（axis: 0）或者不带 keepdims 的行范数，会让不同的列除以不同的数。");

    private static string CrashHint => Say("x / norm needs the norms as a column of shape (m, 1) to line up with the rows: ask Np.Norm to keep the " +
                                     "reduced axis (keepdims). Without it they have shape (m) and broadcast along the columns.", "x / norm 需要把范数排成形状为 (m, 1) 的列，才能与各行对齐：让 Np.Norm 保留被求和的轴（keepdims）。不保留的话，它们的形状是 (m)，会沿列方向广播。");

    /// <summary>Matrices (m, n) whose every row is at least 0.5 long, so no row is (nearly) zero; shrinking keeps that.</summary>
    private static readonly FsCheck.Gen<TensorCase> Matrices = Gens.Tensor(-5, 5, 5, 5).Where(NoShortRow);

    private static IEnumerable<TensorCase> Shrink(TensorCase c) => Gens.Shrink(c).Where(NoShortRow);

    private static bool NoShortRow(TensorCase c) => RowNorms(c.Value).ToArray().All(n => n >= 0.5);

    /// <summary>The length of every row, (m), computed by the checks themselves.</summary>
    private static Tensor RowNorms(Tensor x)
    {
        var norms = Tensor.Zeros(x.Dim(0));
        for (var i = 0; i < x.Dim(0); i++)
        {
            var sum = 0.0;
            for (var j = 0; j < x.Dim(1); j++) sum += x[i, j] * x[i, j];
            norms[i] = Math.Sqrt(sum);
        }
        return norms;
    }

    private static Tensor Call(IChapter1 c, Tensor x)
    {
        var inputs = new[] { Expect.Input("x", x) };
        var result = Guard.Call(() => c.NormalizeRows(x.Copy()), "NormalizeRows(x)", inputs, CrashHint);
        Expect.Shape(result, x.Shape, "NormalizeRows(x)", inputs, Say("the result has x's shape (m, n); ", "结果的形状与 x 相同，为 (m, n)；") + Hint);
        return result;
    }

    [Check("gives the seed's worked example",
           "给出原作业中示例的结果")]
    public void WorkedExample(IChapter1 c)
    {
        Tensor x = new[,] { { 0.0, 3.0, 4.0 }, { 2.0, 6.0, 4.0 } };
        var r56 = Math.Sqrt(56);
        Tensor expected = new[,] { { 0.0, 0.6, 0.8 }, { 2 / r56, 6 / r56, 4 / r56 } };
        Expect.Close(Call(c, x), expected, "NormalizeRows([[0, 3, 4], [2, 6, 4]])", Tolerance.Value, [Expect.Input("x", x)], Hint,
            expectedNote: Say("row norms 5 and √56", "行范数为 5 和 √56"));
    }

    [Check("makes every row of a random matrix length 1",
           "使随机矩阵的每一行长度为 1")]
    public void UnitRows(IChapter1 c) =>
        Properties.ForAll("1.5 unit rows", Matrices, tc =>
        {
            var x = tc.Value;
            var result = Call(c, x);
            Expect.Close(RowNorms(result), Tensor.Ones(x.Dim(0)), Say("The row lengths √(Σ_j result[i, j]²) of NormalizeRows(x)", "NormalizeRows(x) 各行的长度 √(Σ_j result[i, j]²)"), Tolerance.Value,
                [Expect.Input("x", x), ("NormalizeRows(x)", result.ToString())], LengthHint);
        }, Shrink);

    [Check("keeps every row pointing the same way",
           "每一行的方向保持不变")]
    public void SameDirection(IChapter1 c) =>
        Properties.ForAll("1.5 direction", Matrices, tc =>
        {
            var x = tc.Value;
            var result = Call(c, x);
            // x's rows rescaled to the lengths of the answer's rows: equal to the answer iff each answer row is a positive multiple of x's row.
            var scale = (RowNorms(result) / RowNorms(x)).Reshape(-1, 1);
            Expect.Close(result, x * scale, "NormalizeRows(x)", Tolerance.Value, [Expect.Input("x", x)], DirectionHint,
                expectedNote: Say("each row of x scaled to the length of your row", "x 的每一行缩放到你那一行的长度"));
        }, Shrink);

    [Check("leaves its input unchanged",
           "不修改输入")]
    public void LeavesInputAlone(IChapter1 c)
    {
        Tensor x = new[,] { { 0.0, 3.0, 4.0 }, { 2.0, 6.0, 4.0 } };
        var before = x.Copy();
        c.NormalizeRows(x);
        Expect.Unchanged(before, x, "NormalizeRows(x)", "x");
    }

    [Check("reproduces the golden examples",
           "重现黄金文件中的例子")]
    public void GoldenExamples(IChapter1 c)
    {
        Tensor x = new[,] { { 1.0, 2.0, 3.0 }, { 3.0, 4.0, 0.0 }, { 1.0, 1.0, 1.0 }, { -2.0, 0.5, 7.0 } };
        Golden.Verify("examples", new GoldenRecord { { "x", x }, { "NormalizeRows(x)", c.NormalizeRows(x.Copy()) } }, Tolerance.Value, Hint);
    }
}
