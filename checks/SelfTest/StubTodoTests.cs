using System.Text.RegularExpressions;
using NUnit.Framework;

namespace DeepLearningKata.SelfTest;

/// <summary>
/// The <c>// TODO:</c> above each gap of a stub (issue 12: a kata lets the learner struggle a little). It marks the
/// gap and says WHAT the method must produce — its result, what it keeps for Backward, what it must leave as it
/// is — and never HOW, step by step, or in code: the Formula line gives the mathematics, and the near-solution
/// waits in the hints file behind <c>--hint</c>. HintsTests checks that no TODO holds a line of the reference.
/// </summary>
[TestFixture]
public sealed partial class StubTodoTests
{
    public static IEnumerable<TestCaseData> Stubs => InstructionsTests.Stubs;

    /// <summary>The verbs a TODO starts with: what the method does with its result.</summary>
    private static readonly string[] GoalVerbs = ["return", "fill", "store", "update", "train"];

    [TestCaseSource(nameof(Stubs))]
    public void Every_gap_has_a_TODO_that_says_what_to_produce_not_how(string id, string folder)
    {
        var files = Directory.GetFiles(folder, "*.cs");
        Assert.That(files, Is.Not.Empty);
        var problems = new List<string>();
        var gaps = 0;
        foreach (var file in files)
        {
            var lines = File.ReadAllLines(file);
            var todos = Todos(lines).ToList();
            for (var i = 0; i < lines.Length; i++)
            {
                if (!lines[i].Contains("throw new NotImplementedException(", StringComparison.Ordinal)) continue;
                gaps++;
                // The TODO sits right above the gap, in the same body (5.6's constructor sets a field in between).
                if (!todos.Any(t => t.Line < i && t.Line >= i - 4 && !lines[(t.Line + 1)..i].Any(l => l.Contains('{') || l.Contains('}'))))
                    problems.Add($"{Path.GetFileName(file)}:{i + 1}: no '// TODO:' right above the gap");
            }
            foreach (var (line, text) in todos)
            {
                if (CodeForm(text) is { } code) problems.Add($"{Path.GetFileName(file)}:{line + 1}: the TODO {code}: \"{text}\"");
            }
        }
        Assert.That(gaps, Is.GreaterThan(0), $"{id}: no NotImplementedException in {folder}");
        Assert.That(problems, Is.Empty, string.Join("\n", problems));
    }

    // Mutants: the TODOs the stubs had before (steps instead of a goal, or code), and code behind a goal verb.
    [TestCase("compute s = σ(x), then return s · (1 − s).", "goal")]
    [TestCase("h = 1e-4; return (f(x + h) − f(x − h)) / (2h).", "goal")]
    [TestCase("remember x's shape and x flattened to (N, D), then return x·W + b.", "goal")]
    [TestCase("pick weights and a bias, then return Perceptron(Tensor.From(x1, x2), w, b).", "goal")]
    [TestCase("the loop above; return new TrainingHistory(losses, trainAccuracies, testAccuracies).", "goal")]
    [TestCase("foreach layer in layers: x = layer.Forward(x); return x.", "goal")]
    [TestCase("", "goal")]
    [TestCase("return s · (1 − s), with s the sigmoid of x.", "an expression")]
    [TestCase("return 1 / (1 + e^(−x)); e.g. 0 -> 0.5, 3 -> 0.95257413.", "an expression")]
    [TestCase("return (f(x + h) − f(x − h)) / (2h), with h = 1e-4.", "an expression")]
    [TestCase("return dout * mask — the mask Forward drew.", "an expression")]
    [TestCase("return max(0, x) for every element.", "a call")]
    [TestCase("return Perceptron(Tensor.From(x1, x2), w, b) with weights and a bias you choose.", "a call")]
    [TestCase("return grad, where grad = Tensor.ZerosLike(x) at first.", "assignment")]
    [TestCase("return the scores; x = layer.Forward(x) for every layer.", "assignment")]
    [TestCase("return (∂out/∂x · dout, ∂out/∂y · dout) for out = x·y.", "assignment")]
    [TestCase("update every parameter in place: v[key] = momentum·v[key] − lr·g.", "assignment")]
    [TestCase("update every parameter: p −= lr · grads[key], in place.", "assignment")]
    [TestCase("update every parameter; iter += 1 first.", "assignment")]
    [TestCase("fill @params; lastLayer = Earlier.CreateSoftmaxWithLoss().", "assignment")]
    [TestCase("return the history: new TrainingHistory(losses, trainAccuracies, testAccuracies).", "code")]
    [TestCase("update W and b; var lr_t = lr * 2.", "code")]
    [TestCase("return the loss; see x => Loss(x, t).", "code")]
    public void A_TODO_in_code_form_or_without_a_goal_is_rejected(string todo, string reason)
    {
        Assert.That(CodeForm(todo), Does.Contain(reason));
    }

    // What the stubs say now: the goal, the facts the checks need (names, constants the book fixes), an example.
    [TestCase("return the sigmoid's derivative at every element, in a tensor of x's shape, e.g. [0] -> [0.25].")]
    [TestCase("return the central-difference slope of f at x, with h = 1e-4 as the book fixes it, e.g. (f, 5) -> about 0.2.")]
    [TestCase("return E, averaged over the batch, for one sample or a batch and for one-hot or label targets; δ = 1e-7 as the book fixes it.")]
    [TestCase("return a LinearFit of the final w and b and the steps + 1 losses, starting from w = 0 and b = 0.")]
    [TestCase("return out (N, M); keep in originalXShape and x what Backward needs (x as your own (N, D) copy).")]
    [TestCase("fill @params with W1, b1, W2, b2, W3, b3; fill layers with Conv1, Relu1, Pool1, Affine1, Relu2, Affine2.")]
    [TestCase("return the weight-decay term of the loss for all the weights together, e.g. the Example -> 0.7.")]
    [TestCase("return dx and dy, e.g. Backward(1.1) -> (1.1, 1.1).")]
    [TestCase("update every parameter by one Adam step, in place, keeping the moments per name in m and v.")]
    [TestCase("return out (N, C, OH, OW), the mean of each window over all poolH·poolW places; keep x's shape for Backward.")]
    [TestCase("return the softmax of a (of every row, for a batch), finite even for scores like 1010.")]
    public void A_TODO_that_states_the_goal_passes(string todo)
    {
        Assert.That(CodeForm(todo), Is.Null);
    }

    /// <summary>Every <c>// TODO</c> of a file: its line (0-based) and its text, continuation lines joined.</summary>
    internal static IEnumerable<(int Line, string Text)> Todos(string[] lines)
    {
        for (var i = 0; i < lines.Length; i++)
        {
            var todo = TodoLine().Match(lines[i]);
            if (!todo.Success) continue;
            var text = todo.Groups[1].Value.Trim();
            for (var j = i + 1; j < lines.Length && Continuation().Match(lines[j]) is { Success: true } more; j++)
                text += " " + more.Groups[1].Value.Trim();
            yield return (i, text);
        }
    }

    /// <summary>Why <paramref name="todo"/> is not a goal in words (code, or steps instead of a goal); null when it is one.</summary>
    internal static string? CodeForm(string todo)
    {
        var text = Scientific().Replace(todo, "N"); // 1e-4, 1e-7: constants, not subtractions
        var first = FirstWord().Match(text).Value;
        if (!GoalVerbs.Contains(first, StringComparer.Ordinal))
            return $"must start with its goal ({string.Join(", ", GoalVerbs)} …), not \"{first}\"";
        if (Keyword().Match(text) is { Success: true } keyword) return $"holds code: \"{keyword.Value}\"";
        if (CompoundAssignment().Match(text) is { Success: true } compound) return $"holds an assignment: \"{compound.Value}\"";
        if (ExpressionAssignment().Match(text) is { Success: true } assignment) return $"holds an assignment: \"{assignment.Value}\"";
        if (MemberCall().Match(text) is { Success: true } call) return $"holds a call: \"{call.Value}\"";
        if (ReturnCall().Match(text) is { Success: true } returnCall) return $"returns a call: \"{returnCall.Value}\"";
        if (ReturnExpression().Match(text) is { Success: true } expression) return $"returns an expression: \"{expression.Value}\"";
        return null;
    }

    [GeneratedRegex(@"^\s*// TODO:?(.*)$")]
    private static partial Regex TodoLine();

    [GeneratedRegex(@"^\s*//\s{3,}(\S.*)$")]
    private static partial Regex Continuation();

    [GeneratedRegex(@"\b\d+(?:\.\d+)?e[−-]?\d+\b")]
    private static partial Regex Scientific();

    [GeneratedRegex(@"^[A-Za-z]*")]
    private static partial Regex FirstWord();

    [GeneratedRegex(@"=>|\bforeach\b|\bvar\s+\w|\bnew\s+\w+\s*\(|\bfor\s*\(|\bif\s*\(")]
    private static partial Regex Keyword();

    [GeneratedRegex(@"[\w\]\)]\s*(?:\+|-|−|\*|/)=")]
    private static partial Regex CompoundAssignment();

    /// <summary><c>name = expression</c> (an operator or a call on the right); <c>h = 1e-4</c>, <c>w = 0</c> are facts.</summary>
    [GeneratedRegex(@"[\w\]]\s*(?<![=!<>])=(?![=>])\s*(?:[\w.\[\]√]+\s*(?:[·*/+^]|[−-](?!>))|[^\s,;]*\w\()")]
    private static partial Regex ExpressionAssignment();

    [GeneratedRegex(@"\b\w+\.\w+\s*\(")]
    private static partial Regex MemberCall();

    [GeneratedRegex(@"\breturn\s+\w+\(")]
    private static partial Regex ReturnCall();

    [GeneratedRegex(@"\breturn\s+(?:\(|[\w.\[\]]+\s*(?:[·*/+]|[−-](?!>)))")]
    private static partial Regex ReturnExpression();
}
