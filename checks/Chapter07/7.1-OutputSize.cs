using System.Globalization;
using DeepLearningKata.Contracts;
using FsCheck.Fluent;

namespace DeepLearningKata.Checks.Chapter07;

[Exercise("7.1", "OutputSize")]
public sealed class OutputSizeChecks
{
    private static string Hint => Say("OH = (H + 2·P − FH) / S + 1, after checking that (H + 2·P − FH) is at least 0 and that the stride fits it " +
                                "exactly. More: ./run-checks.sh --hint 7.1", "OH = (H + 2·P − FH) / S + 1，先检查 (H + 2·P − FH) 至少为 0，并且能被步幅整除。更多：./run-checks.sh --hint 7.1 --lang zh");

    private static string Call(int h, int fh, int s, int p) => string.Create(CultureInfo.InvariantCulture, $"OutputSize({h}, {fh}, {s}, {p})");

    private static int Ask(IChapter7 c, int h, int fh, int s, int p)
    {
        try
        {
            return c.OutputSize(h, fh, s, p);
        }
        catch (ArgumentException e)
        {
            throw CheckFailure.Threw(Say($"{Call(h, fh, s, p)} threw ArgumentException, but these sizes fit.\n  your message: {e.Message}\n" +
                                     $"  hint: (H + 2·P − FH) = {h + 2 * p - fh} is divisible by the stride {s}; {Hint}", $"{Call(h, fh, s, p)} 抛出了 ArgumentException，但这些尺寸是合适的。\n  你的信息: {e.Message}\n  提示: (H + 2·P − FH) = {h + 2 * p - fh} 能被步幅 {s} 整除；{Hint}"), e);
        }
    }

    [Check("gives the book's sizes: 4 for H = 4, FH = 3, S = 1, P = 1; 24 for MNIST's 28 and a 5×5 filter; 12 after 2×2 pooling",
           "给出书中的尺寸：H = 4、FH = 3、S = 1、P = 1 时为 4；MNIST 的 28 配 5×5 滤波器时为 24；2×2 池化后为 12")]
    public void BookExamples(IChapter7 c)
    {
        (int H, int FH, int S, int P, int OH)[] cases = [(4, 3, 1, 1, 4), (28, 5, 1, 0, 24), (24, 2, 2, 0, 12), (7, 3, 2, 0, 3), (5, 3, 2, 1, 3), (3, 3, 1, 0, 1)];
        foreach (var (h, fh, s, p, oh) in cases)
        {
            var actual = Ask(c, h, fh, s, p);
            Expect.That(actual == oh, $"{Call(h, fh, s, p)} returned {actual}; expected {oh}.",
                [(Say("formula", "公式"), $"({h} + 2·{p} − {fh}) / {s} + 1 = {oh}")],
                actual == oh - 1 ? Say("the + 1 is missing: a filter as large as the input still fits once.", "少了 + 1：和输入一样大的滤波器也能放下一次。") :
                actual == (h + p - fh) / s + 1 ? Say("the pad is added on both sides: 2·P, not P.", "填充加在两侧：是 2·P，不是 P。") : Hint);
        }
    }

    [Check("gives OH for every H, FH, S and P that fit, and the windows then cover the padded input exactly",
           "对每组合适的 H、FH、S 和 P 给出 OH，此时窗口恰好覆盖填充后的输入")]
    public void FittingSizes(IChapter7 c)
    {
        var gen = from oh in Gen.Choose(1, 12)
                  from fh in Gen.Choose(1, 7)
                  from s in Gen.Choose(1, 4)
                  from p in Gen.Choose(0, 3)
                  where s * (oh - 1) + fh - 2 * p >= 1
                  select (H: s * (oh - 1) + fh - 2 * p, FH: fh, S: s, P: p, OH: oh);
        Properties.ForAll("7.1 fitting sizes", gen, k =>
        {
            var actual = Ask(c, k.H, k.FH, k.S, k.P);
            Expect.That(actual == k.OH, $"{Call(k.H, k.FH, k.S, k.P)} returned {actual}; expected {k.OH}.",
                [(Say("formula", "公式"), $"({k.H} + 2·{k.P} − {k.FH}) / {k.S} + 1 = {k.OH}")], Hint);
        });
    }

    [Check("throws an ArgumentException naming the numbers when S does not divide H + 2·P − FH",
           "S 不能整除 H + 2·P − FH 时抛出写明这些数的 ArgumentException")]
    public void NotDivisible(IChapter7 c)
    {
        var gen = from h in Gen.Choose(1, 30)
                  from fh in Gen.Choose(1, 7)
                  from s in Gen.Choose(2, 5)
                  from p in Gen.Choose(0, 3)
                  where h + 2 * p - fh >= 0 && (h + 2 * p - fh) % s != 0
                  select (H: h, FH: fh, S: s, P: p);
        Properties.ForAll("7.1 not divisible", gen, k => ExpectError(c, k.H, k.FH, k.S, k.P,
            Say($"({k.H} + 2·{k.P} − {k.FH}) = {k.H + 2 * k.P - k.FH} leaves a remainder when divided by {k.S}: the windows do not tile the input. " +
            "C#'s int division drops that remainder silently, so test it with % first.", $"({k.H} + 2·{k.P} − {k.FH}) = {k.H + 2 * k.P - k.FH} 除以 {k.S} 有余数：窗口无法铺满输入。C# 的 int 除法会悄悄丢掉余数，所以要先用 % 检查。")));
    }

    [Check("throws an ArgumentException naming the numbers when the filter is larger than the padded input",
           "滤波器比填充后的输入还大时抛出写明这些数的 ArgumentException")]
    public void TooLarge(IChapter7 c)
    {
        var gen = from h in Gen.Choose(1, 10)
                  from p in Gen.Choose(0, 2)
                  from extra in Gen.Choose(1, 4)
                  from s in Gen.Choose(1, 3)
                  select (H: h, FH: h + 2 * p + extra, S: s, P: p);
        Properties.ForAll("7.1 too large", gen, k => ExpectError(c, k.H, k.FH, k.S, k.P,
            Say($"a filter of {k.FH} does not fit in {k.H} + 2·{k.P}: H + 2·P − FH is negative, so no window fits. Check that before dividing.", $"大小为 {k.FH} 的滤波器放不进 {k.H} + 2·{k.P}：H + 2·P − FH 是负的，一个窗口都放不下。要在除法之前检查。")));
    }

    [Check("throws an ArgumentException naming the numbers when H, FH or S is below 1, or P is negative",
           "H、FH 或 S 小于 1，或 P 为负时，抛出写明这些数的 ArgumentException")]
    public void OutOfRange(IChapter7 c)
    {
        // A fitting (H, FH, S, P), then one of the four made invalid: with a check only for the remainder and the
        // filter's fit, most of these would return a number (or divide by zero) instead of throwing.
        var gen = from oh in Gen.Choose(2, 8)
                  from fh in Gen.Choose(1, 5)
                  from s in Gen.Choose(1, 3)
                  from p in Gen.Choose(0, 2)
                  where s * (oh - 1) + fh - 2 * p >= 1
                  from which in Gen.Choose(0, 3)
                  from bad in Gen.Choose(-3, 0)
                  let h = s * (oh - 1) + fh - 2 * p
                  select which switch
                  {
                      0 => (H: bad, FH: fh, S: s, P: p),
                      1 => (H: h, FH: bad, S: s, P: p),
                      2 => (H: h, FH: fh, S: bad, P: p),
                      _ => (H: h, FH: fh, S: s, P: bad - 1),
                  };
        Properties.ForAll("7.1 out of range", gen, k => ExpectError(c, k.H, k.FH, k.S, k.P,
            Say("sizes and the stride must be at least 1 and the pad at least 0 (the Formula line's last condition); check them first, " +
            "before the division: a stride of 0 would divide by zero, a filter of 0 or a negative pad would give a size that means nothing.", "尺寸和步幅至少为 1，填充至少为 0（Formula 一行的最后一个条件）；要在除法之前先检查它们：步幅为 0 会除以零，滤波器为 0 或填充为负会得到毫无意义的尺寸。")));
    }

    [Check("reproduces the golden examples",
           "重现黄金文件中的例子")]
    public void GoldenExamples(IChapter7 c)
    {
        var record = new GoldenRecord();
        foreach (var (h, fh, s, p) in new[] { (28, 5, 1, 0), (24, 2, 2, 0), (32, 3, 1, 1), (7, 3, 2, 1), (9, 3, 2, 2), (227, 11, 4, 0) })
        {
            record.Add(Call(h, fh, s, p), Ask(c, h, fh, s, p));
        }
        Golden.Verify("examples", record, Tolerance.Value, Hint);
    }

    private static void ExpectError(IChapter7 c, int h, int fh, int s, int p, string why)
    {
        int result;
        try
        {
            result = c.OutputSize(h, fh, s, p);
        }
        catch (ArgumentException e)
        {
            var missing = new[] { h, fh, s }.Distinct().Where(v => !e.Message.Contains(v.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)).ToList();
            Expect.That(missing.Count == 0, Say($"{Call(h, fh, s, p)} threw, but its message does not name the numbers.", $"{Call(h, fh, s, p)} 抛出了异常，但它的信息里没有写出这些数。"),
                [(Say("your message", "你的信息"), e.Message), (Say("numbers it does not mention", "没有提到的数"), string.Join(", ", missing))],
                Say("say which sizes do not fit, e.g. $\"… input {inputSize}, filter {filterSize}, stride {stride}, pad {pad}\": a learner who meets " +
                "this error three layers deep needs them.", "说明是哪些尺寸不合适，例如 $\"… input {inputSize}, filter {filterSize}, stride {stride}, pad {pad}\"：在三层之下遇到这个错误的学习者需要这些数。"));
            return;
        }
        throw new CheckFailure(Say($"{Call(h, fh, s, p)} returned {result} instead of throwing an ArgumentException.\n  hint: {why}", $"{Call(h, fh, s, p)} 返回了 {result}，而不是抛出 ArgumentException。\n  提示: {why}"));
    }
}
