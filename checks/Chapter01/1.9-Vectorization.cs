using DeepLearningKata.Contracts;
using FsCheck.Fluent;

namespace DeepLearningKata.Checks.Chapter01;

/// <summary>Two operands for Dot, Outer or Multiply; prints both in full, so a failing case can be pasted into code.</summary>
internal sealed record Operands(Tensor A, Tensor B)
{
    public override string ToString() => $"a = {new TensorCase(A)}, b = {new TensorCase(B)}";

    /// <summary>The same shapes with values rounded to one decimal.</summary>
    public static IEnumerable<Operands> Rounded(Operands p) => Shrinks.Rounded(p.A, p.B).Select(q => new Operands(q.A, q.B));

    /// <summary>For same-shape operands: a row or column dropped from both, then values rounded.</summary>
    public static IEnumerable<Operands> Jointly(Operands p) => Shrinks.Jointly(p.A, p.B).Select(q => new Operands(q.A, q.B));

    /// <summary>For independent operands (Outer): either one shrunk on its own.</summary>
    public static IEnumerable<Operands> Independently(Operands p) =>
        Gens.Shrink(new TensorCase(p.A)).Select(a => new Operands(a.Value, p.B))
            .Concat(Gens.Shrink(new TensorCase(p.B)).Select(b => new Operands(p.A, b.Value)));
}

[Exercise("1.9", "Vectorization")]
public sealed class VectorizationChecks
{
    private static string DotHint => Say("np.dot: 1-D·1-D is Σ_k a[k]·b[k] as a 0-D tensor; 2-D·1-D is (m) with result[i] = Σ_k a[i, k]·b[k]; 2-D·2-D " +
                                   "is (m, n) with result[i, j] = Σ_k a[i, k]·b[k, j] — k runs along a's row i and down b's column j. More: " +
                                   "./run-checks.sh --hint 1.9", "np.dot：一维·一维是 Σ_k a[k]·b[k]，结果为零维张量；二维·一维是 (m)，result[i] = Σ_k a[i, k]·b[k]；二维·二维是 (m, n)，result[i, j] = Σ_k a[i, k]·b[k, j]——k 沿 a 的第 i 行、b 的第 j 列变化。更多：./run-checks.sh --hint 1.9 --lang zh");

    private static string OuterHint => Say("np.outer flattens both inputs first: result[i, j] = a_flat[i]·b_flat[j], of shape (a.Size, b.Size), " +
                                     "whatever the shapes of a and b. a.AsSpan() gives a's elements in storage order.", "np.outer 先把两个输入都展平：result[i, j] = a_flat[i]·b_flat[j]，形状为 (a.Size, b.Size)，不论 a 和 b 是什么形状。a.AsSpan() 按存储顺序给出 a 的元素。");

    private static string MultiplyHint => Say("element by element, result[i, j] = a[i, j]·b[i, j], with broadcasting: an axis of size 1 is stretched to the " +
                                        "other's size (read index 0 for every i or j). On each axis the result is as long as the longer input — and " +
                                        "either a or b may be the small one. More: ./run-checks.sh --hint 1.9", "逐元素计算，result[i, j] = a[i, j]·b[i, j]，并且要广播：大小为 1 的轴被拉伸到另一方的大小（对每个 i 或 j 都读索引 0）。每个轴上结果的长度与较长的输入相同——a 和 b 都可能是较小的那个。更多：./run-checks.sh --hint 1.9 --lang zh");

    private static (string, string)[] Inputs(Operands p) => [Expect.Input("a", p.A), Expect.Input("b", p.B)];

    private static Tensor Matrix(double[,] values) => Tensor.From(values);

    // ------------------------------------------------------------------ Dot

    /// <summary>1-D·1-D, 2-D·1-D and 2-D·2-D with random sizes.</summary>
    private static readonly FsCheck.Gen<Operands> DotCases =
        from m in Gen.Choose(1, 4)
        from k in Gen.Choose(1, 5)
        from n in Gen.Choose(1, 4)
        from kind in Gen.Choose(0, 2)
        from a in Gens.OfShape(-3, 3, kind == 0 ? [k] : [m, k])
        from b in Gens.OfShape(-3, 3, kind == 2 ? [k, n] : [k])
        select new Operands(a.Value, b.Value);

    [Check("Dot gives the worked examples",
           "Dot 给出示例的结果")]
    public void DotExamples(IChapter1 c)
    {
        Tensor x1 = new[] { 9.0, 2, 5, 0, 0, 7, 5, 0, 0, 0, 9, 2, 5, 0, 0 };
        Tensor x2 = new[] { 9.0, 2, 2, 9, 0, 9, 2, 5, 0, 0, 9, 2, 5, 0, 0 };
        Expect.Close(c.Dot(x1, x2), Tensor.Scalar(278), Say("Dot(x1, x2) of two 1-D tensors", "两个一维张量的 Dot(x1, x2)"), Tolerance.Value,
            [Expect.Input("x1", x1), Expect.Input("x2", x2)], DotHint, expectedNote: Say("a 0-D tensor, shape ()", "零维张量，形状 ()"));

        var a = Matrix(new double[,] { { 1, 2, 3 }, { 4, 5, 6 } });
        Tensor v = new[] { 1.0, 0.0, -1.0 };
        Expect.Close(c.Dot(a, v), Tensor.From(-2, -2), Say("Dot(a, v) of a (2, 3) matrix and a (3) vector", "(2, 3) 矩阵与 (3) 向量的 Dot(a, v)"), Tolerance.Value,
            [Expect.Input("a", a), Expect.Input("v", v)], DotHint);

        var m = Matrix(new double[,] { { 1, 2, 3 }, { 1, 2, 3 }, { 1, 2, 3 } });
        var expected = Matrix(new double[,] { { 6, 12, 18 }, { 6, 12, 18 }, { 6, 12, 18 } });
        Expect.Close(c.Dot(m, m.Copy()), expected, Say("Dot(m, m) of the seed's (3, 3) matrix", "原作业中 (3, 3) 矩阵的 Dot(m, m)"), Tolerance.Value, [Expect.Input("m", m)], DotHint);
    }

    [Check("Dot agrees with np.dot on random 1-D and 2-D shapes",
           "在随机的一维和二维形状上，Dot 与 np.dot 一致")]
    public void DotMatchesNumPy(IChapter1 c) =>
        Properties.ForAll("1.9 dot", DotCases, p =>
        {
            var call = Say($"Dot(a of shape {p.A.ShapeText}, b of shape {p.B.ShapeText})", $"Dot(形状为 {p.A.ShapeText} 的 a, 形状为 {p.B.ShapeText} 的 b)");
            var result = Guard.Call(() => c.Dot(p.A.Copy(), p.B.Copy()), call, Inputs(p), DotHint);
            Expect.Close(result, Np.Dot(p.A, p.B), call, Tolerance.Value, Inputs(p), DotHint, expectedNote: "np.dot(a, b)");
        }, Operands.Rounded);

    // ------------------------------------------------------------------ Outer

    /// <summary>Inputs of rank 1 or 2, which Outer flattens.</summary>
    private static readonly FsCheck.Gen<Operands> OuterCases =
        from a in Gen.OneOf(Gens.Tensor(-3, 3, 5), Gens.Tensor(-3, 3, 3, 3))
        from b in Gen.OneOf(Gens.Tensor(-3, 3, 5), Gens.Tensor(-3, 3, 3, 3))
        select new Operands(a.Value, b.Value);

    [Check("Outer gives the worked examples",
           "Outer 给出示例的结果")]
    public void OuterExamples(IChapter1 c)
    {
        Tensor a = new[] { 1.0, 2.0, 3.0 };
        Tensor b = new[] { 10.0, 20.0 };
        Expect.Close(c.Outer(a, b), Matrix(new double[,] { { 10, 20 }, { 20, 40 }, { 30, 60 } }), "Outer([1, 2, 3], [10, 20])",
            Tolerance.Value, [Expect.Input("a", a), Expect.Input("b", b)], OuterHint);

        var x = Matrix(new double[,] { { 1, 2 }, { 3, 4 }, { 5, 6 } });
        var y = Matrix(new double[,] { { 1, 2 }, { 1, 2 }, { 1, 2 } });
        var expected = Tensor.Zeros(6, 6);
        for (var i = 0; i < 6; i++)
        {
            for (var j = 0; j < 6; j++) expected[i, j] = (i + 1) * (j % 2 + 1);
        }
        Expect.Close(c.Outer(x, y), expected, Say("Outer(x, y) of the seed's two (3, 2) matrices", "原作业中两个 (3, 2) 矩阵的 Outer(x, y)"), Tolerance.Value,
            [Expect.Input("x", x), Expect.Input("y", y)], OuterHint, expectedNote: Say("(6, 6): x and y are flattened to 6 elements each", "(6, 6)：x 和 y 各被展平成 6 个元素"));
    }

    [Check("Outer agrees with np.outer on random shapes, flattening its inputs",
           "在随机形状上，Outer 与 np.outer 一致（先把输入展平）")]
    public void OuterMatchesNumPy(IChapter1 c) =>
        Properties.ForAll("1.9 outer", OuterCases, p =>
        {
            var call = Say($"Outer(a of shape {p.A.ShapeText}, b of shape {p.B.ShapeText})", $"Outer(形状为 {p.A.ShapeText} 的 a, 形状为 {p.B.ShapeText} 的 b)");
            var result = Guard.Call(() => c.Outer(p.A.Copy(), p.B.Copy()), call, Inputs(p), OuterHint);
            Expect.Close(result, Np.Outer(p.A, p.B), call, Tolerance.Value, Inputs(p), OuterHint, expectedNote: "np.outer(a, b)");
        }, Operands.Independently);

    // ------------------------------------------------------------------ Multiply

    private static readonly FsCheck.Gen<Operands> SameShapeCases =
        from a in Gens.Tensor(-3, 3, 4, 5)
        from b in Gens.OfShape(-3, 3, a.Value.Shape)
        select new Operands(a.Value, b.Value);

    /// <summary>
    /// A full (m, n) against a column (m, 1), a row (1, n) or a single (1, 1), in either order, and a column
    /// against a row; m, n ≥ 2 so that every broadcast really stretches an axis.
    /// </summary>
    private static readonly FsCheck.Gen<Operands> BroadcastCases =
        from m in Gen.Choose(2, 4)
        from n in Gen.Choose(2, 5)
        from kind in Gen.Choose(0, 6)
        let shapes = kind switch
        {
            0 => (a: new[] { m, n }, b: new[] { m, 1 }),
            1 => (a: new[] { m, n }, b: new[] { 1, n }),
            2 => (a: new[] { m, n }, b: new[] { 1, 1 }),
            3 => (a: new[] { m, 1 }, b: new[] { m, n }),
            4 => (a: new[] { 1, n }, b: new[] { m, n }),
            5 => (a: new[] { 1, 1 }, b: new[] { m, n }),
            _ => (a: new[] { m, 1 }, b: new[] { 1, n }),
        }
        from a in Gens.OfShape(-3, 3, shapes.a)
        from b in Gens.OfShape(-3, 3, shapes.b)
        select new Operands(a.Value, b.Value);

    [Check("Multiply gives the seed's worked example",
           "Multiply 给出原作业中示例的结果")]
    public void MultiplyExample(IChapter1 c)
    {
        var a = Matrix(new double[,] { { 1, 2, 3 }, { 2, 2, 2 }, { 3, 3, 3 } });
        var b = Matrix(new double[,] { { 1 }, { 2 }, { 3 } });
        var expected = Matrix(new double[,] { { 1, 2, 3 }, { 4, 4, 4 }, { 9, 9, 9 } });
        var p = new Operands(a, b);
        var result = Guard.Call(() => c.Multiply(a, b), "Multiply(a (3, 3), b (3, 1))", Inputs(p), MultiplyHint);
        Expect.Close(result, expected, "Multiply(a (3, 3), b (3, 1))", Tolerance.Value, Inputs(p), MultiplyHint,
            expectedNote: Say("b's single column used for every column of a", "b 唯一的一列用于 a 的每一列"));
    }

    [Check("Multiply agrees with a * b on random matrices of the same shape",
           "在形状相同的随机矩阵上，Multiply 与 a * b 一致")]
    public void MultiplySameShape(IChapter1 c) =>
        Properties.ForAll("1.9 multiply", SameShapeCases, p =>
        {
            var call = Say($"Multiply(a, b), both of shape {p.A.ShapeText}", $"Multiply(a, b)，形状都是 {p.A.ShapeText}");
            var result = Guard.Call(() => c.Multiply(p.A.Copy(), p.B.Copy()), call, Inputs(p), MultiplyHint);
            Expect.Close(result, p.A * p.B, call, Tolerance.Value, Inputs(p), MultiplyHint, expectedNote: "a * b");
        }, Operands.Jointly);

    [Check("Multiply broadcasts a column (m, 1), a row (1, n) or a single element like NumPy, on either side",
           "Multiply 像 NumPy 一样广播列 (m, 1)、行 (1, n) 或单个元素，两边都可以")]
    public void MultiplyBroadcasts(IChapter1 c) =>
        Properties.ForAll("1.9 broadcast", BroadcastCases, p =>
        {
            var call = Say($"Multiply(a of shape {p.A.ShapeText}, b of shape {p.B.ShapeText})", $"Multiply(形状为 {p.A.ShapeText} 的 a, 形状为 {p.B.ShapeText} 的 b)");
            var result = Guard.Call(() => c.Multiply(p.A.Copy(), p.B.Copy()), call, Inputs(p), MultiplyHint);
            Expect.Close(result, p.A * p.B, call, Tolerance.Value, Inputs(p), MultiplyHint, expectedNote: "np.multiply(a, b)");
        }, Operands.Rounded);

    // ------------------------------------------------------------------ all three

    [Check("Dot, Outer and Multiply leave their inputs unchanged",
           "Dot、Outer 和 Multiply 不修改输入")]
    public void LeaveInputsAlone(IChapter1 c)
    {
        var a = Matrix(new double[,] { { 1, 2, 3 }, { 4, 5, 6 } });
        var b = Matrix(new double[,] { { 1, -1 }, { 0, 2 }, { 3, 1 } });
        var column = Matrix(new double[,] { { 2 }, { -3 } });
        var copies = (a: a.Copy(), b: b.Copy(), column: column.Copy());
        c.Dot(a, b);
        Expect.Unchanged(copies.a, a, "Dot(a, b)", "a");
        Expect.Unchanged(copies.b, b, "Dot(a, b)", "b");
        c.Outer(a, b);
        Expect.Unchanged(copies.a, a, "Outer(a, b)", "a");
        Expect.Unchanged(copies.b, b, "Outer(a, b)", "b");
        c.Multiply(a, column);
        Expect.Unchanged(copies.a, a, "Multiply(a, column)", "a");
        Expect.Unchanged(copies.column, column, "Multiply(a, column)", "column");
    }

    [Check("reproduces the golden examples",
           "重现黄金文件中的例子")]
    public void GoldenExamples(IChapter1 c)
    {
        var a = Tensor.Arange(1, 7).Reshape(2, 3);
        var b = Tensor.Arange(-2, 4).Reshape(3, 2) * 0.5;
        var v = Tensor.From(1, -1, 2);
        var row = Tensor.From(new double[,] { { 10, 100, 1000 } });
        Golden.Verify("examples", new GoldenRecord
        {
            { "a", a }, { "b", b }, { "v", v }, { "row", row },
            { "Dot(a, b)", c.Dot(a.Copy(), b.Copy()) },
            { "Dot(a, v)", c.Dot(a.Copy(), v.Copy()) },
            { "Dot(v, v)", c.Dot(v.Copy(), v.Copy()) },
            { "Outer(a, v)", c.Outer(a.Copy(), v.Copy()) },
            { "Multiply(a, row)", c.Multiply(a.Copy(), row.Copy()) },
            { "Multiply(row.T, a.T)", c.Multiply(row.T, a.T) },
        }, Tolerance.Value, Say("compare each entry with the formula in the exercise; the failing entry is named above.", "把每一项与练习中的公式比较；失败的那一项在上面已经列出。"));
    }
}
