using System.Diagnostics;
using System.Management.Automation;
using System.Management.Automation.Language;
using DeepLearningKata.Checks;
using DeepLearningKata.Runner;
using NUnit.Framework;

namespace DeepLearningKata.SelfTest.RunnerTests;

/// <summary>
/// run-checks.ps1 and run-checks.sh are thin: they build the runner, then pass the options on. The PowerShell
/// script is parsed and then run in a hosted PowerShell where <c>dotnet</c> is a function that records its
/// arguments; the bash script runs with a fake <c>dotnet</c> first on the PATH.
/// </summary>
[TestFixture]
public sealed class ScriptTests
{
    private static string Ps1 => Path.Combine(Repo.Root, "run-checks.ps1");
    private static string Sh => Path.Combine(Repo.Root, "run-checks.sh");

    private static string Dll => Path.Combine(Repo.Root, "tools", "Runner", "bin", "Release", "net10.0", "DeepLearningKata.Runner.dll");

    /// <summary>Each parameter of run-checks.ps1 and the runner option it becomes.</summary>
    private static readonly Dictionary<string, string?> Mapping = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Chapter"] = "--chapter",
        ["Exercise"] = "--exercise",
        ["Subject"] = "--subject",
        ["Json"] = "--json",
        ["Badges"] = "--badges",
        ["Report"] = "--report",
        ["Accept"] = "--accept",
        ["Timeout"] = "--timeout",
        ["Explain"] = "--explain",
        ["Hint"] = "--hint",
        ["Solution"] = "--solution",
        ["GiveUp"] = "--give-up",
        ["Lang"] = "--lang",
        ["Classroom"] = "--classroom",
        ["Csv"] = "--csv",
        ["Gradebook"] = "--gradebook",
        ["ClassPage"] = "--class-page",
        ["Memory"] = "--memory",
        ["Parallel"] = "--parallel",
        ["Watch"] = "--watch",
    };

    [Test]
    public void The_powershell_script_parses_and_its_parameters_are_the_runners_options()
    {
        var ast = Parser.ParseFile(Ps1, out _, out var errors);
        Assert.That(errors, Is.Empty, string.Join("\n", errors.Select(e => $"{e.Extent.StartLineNumber}: {e.Message}")));
        var parameters = ast.ParamBlock.Parameters.ToDictionary(p => p.Name.VariablePath.UserPath, p => p.StaticType, StringComparer.OrdinalIgnoreCase);
        Assert.That(parameters.Keys, Is.EquivalentTo(Mapping.Keys));
        Assert.Multiple(() =>
        {
            Assert.That(parameters["Chapter"], Is.EqualTo(typeof(int[])));
            Assert.That(parameters["Exercise"], Is.EqualTo(typeof(string[])));
            Assert.That(parameters["Accept"], Is.EqualTo(typeof(SwitchParameter)));
            Assert.That(parameters["Watch"], Is.EqualTo(typeof(SwitchParameter)));
            var lang = ast.ParamBlock.Parameters.Single(p => p.Name.VariablePath.UserPath == "Lang");
            var validate = lang.Attributes.OfType<AttributeAst>().Single(a => a.TypeName.Name == "ValidateSet");
            Assert.That(validate.PositionalArguments.Select(a => a.SafeGetValue()), Is.EqualTo(new[] { "en", "zh" }), "-Lang en|zh");
        });
        foreach (var option in Mapping.Values.OfType<string>())
        {
            Assert.That(Options.HelpText, Does.Contain(option), $"the runner knows {option}");
            string[] args = option switch
            {
                "--accept" or "--watch" => [option],
                "--exercise" => [option, "1.3"],
                "--subject" => [option, "reference"],
                "--explain" or "--hint" or "--solution" or "--give-up" => [option, "1.3"],
                "--lang" => [option, "zh"],
                "--memory" => [option, "512"],
                _ => [option, "1"],
            };
            Assert.DoesNotThrow(() => Options.Parse(args), option);
        }
    }

    /// <summary>Runs run-checks.ps1 in a hosted PowerShell with <c>dotnet</c> shadowed; the calls it made, and its exit code.</summary>
    private static (List<string[]> Calls, int ExitCode, string Errors) Host(string parameters, int buildExitCode = 0, string buildOutput = "")
    {
        // CreateDefault2: only the engine's own commands. CreateDefault would load the console host's snap-ins,
        // which the System.Management.Automation package does not carry; the script needs none of them.
        using var ps = PowerShell.Create(System.Management.Automation.Runspaces.InitialSessionState.CreateDefault2());
        ps.AddScript("""
            param($buildExitCode, $buildOutput)
            $global:calls = [System.Collections.Generic.List[string[]]]::new()
            function global:dotnet {
                $global:calls.Add([string[]]$args)
                if ($args[0] -eq 'build') { $global:LASTEXITCODE = $buildExitCode; if ($buildOutput) { $buildOutput -split "`n" } }
                else { $global:LASTEXITCODE = 7 }
            }
            """).AddArgument(buildExitCode).AddArgument(buildOutput);
        ps.Invoke();
        ps.Commands.Clear();
        var errors = new StringWriter();
        var before = Console.Error;
        Console.SetError(errors);
        try
        {
            ps.AddScript($"& '{Ps1.Replace("'", "''", StringComparison.Ordinal)}' {parameters}");
            ps.Invoke();
        }
        finally
        {
            Console.SetError(before);
        }
        Assert.That(ps.Streams.Error, Is.Empty, string.Join("\n", ps.Streams.Error));
        var calls = (List<string[]>)ps.Runspace.SessionStateProxy.GetVariable("calls");
        var exit = Convert.ToInt32(ps.Runspace.SessionStateProxy.GetVariable("LASTEXITCODE"), System.Globalization.CultureInfo.InvariantCulture);
        return (calls, exit, errors.ToString());
    }

    [Test]
    public void The_powershell_script_builds_then_passes_its_parameters_on_as_options()
    {
        var (calls, exit, _) = Host("-Chapter 1,3 -Exercise 1.3,2.1 -Subject reference -Json r.json -Badges b -Report r.html -Accept -Timeout 30 -Watch");
        Assert.That(calls, Has.Count.EqualTo(2));
        Assert.That(calls[0][0], Is.EqualTo("build"));
        Assert.That(calls[0][1], Is.EqualTo(Path.Combine(Repo.Root, "tools", "Runner", "DeepLearningKata.Runner.csproj")));
        Assert.That(calls[1], Is.EqualTo(new[]
        {
            Dll, "--chapter", "1", "--chapter", "3", "--exercise", "1.3", "--exercise", "2.1", "--subject", "reference",
            "--json", "r.json", "--badges", "b", "--report", "r.html", "--accept", "--timeout", "30", "--watch",
        }));
        Assert.That(exit, Is.EqualTo(7), "the runner's exit code is the script's");

        var (explain, _, _) = Host("-Explain 1.6 -Lang zh");
        Assert.That(explain[1], Is.EqualTo(new[] { Dll, "--explain", "1.6", "--lang", "zh" }), "-Explain and -Lang");
        var (help, _, _) = Host("-Hint 1.6 -Verbose");
        Assert.That(help[1], Is.EqualTo(new[] { Dll, "--hint", "1.6", "--verbose" }), "-Hint, and -Verbose (PowerShell's common parameter) as --verbose");

        var (plain, _, _) = Host("");
        Assert.That(plain[1], Is.EqualTo(new[] { Dll }), "no parameters, no options");
        var (classroom, _, _) = Host("-Classroom 'my class' -Csv c.csv -Json c.json -Chapter 1 -Memory 512 -Parallel 2");
        Assert.That(classroom[1], Is.EqualTo(new[]
        {
            Dll, "--chapter", "1", "--json", "c.json", "--classroom", "my class", "--csv", "c.csv", "--memory", "512", "--parallel", "2",
        }), "the classroom parameters");
        var translated = Options.Parse(calls[1][1..]);
        Assert.That(translated.Chapters, Is.EqualTo(new[] { 1, 3 }));
        Assert.That(translated.Timeout, Is.EqualTo(TimeSpan.FromSeconds(30)));
    }

    [Test]
    public void The_powershell_script_says_when_the_grading_tool_itself_cannot_be_built_and_grades_nothing()
    {
        var (calls, exit, errors) = Host("-Exercise 1.3", buildExitCode: 1, buildOutput: "error NU1101: Unable to find package NUnit");
        Assert.That(calls, Has.Count.EqualTo(1), "nothing is graded");
        Assert.That(exit, Is.EqualTo(1));
        Assert.That(errors, Does.Contain("grading tool could not be built").And.Contain("not about your exercises").And.Contain("NU1101"));
    }

    /// <summary>Runs run-checks.sh with a fake dotnet (a script that logs its arguments) first on the PATH.</summary>
    private static (string Log, int ExitCode, string Err) Bash(string fakeBuild, params string[] args)
    {
        var bash = new[] { "/bin/bash", "/usr/bin/bash" }.FirstOrDefault(File.Exists);
        if (bash is null || OperatingSystem.IsWindows())
        {
            Assert.Ignore("bash is not available here");
            return default;
        }
        var bin = RunnerHarness.TempFolder();
        try
        {
            var log = Path.Combine(bin, "calls.log");
            File.WriteAllText(Path.Combine(bin, "dotnet"), $$"""
                #!/bin/bash
                printf '%s\n' "$*" >> '{{log}}'
                if [ "$1" = build ]; then
                {{fakeBuild}}
                fi
                exit 5

                """);
            File.SetUnixFileMode(Path.Combine(bin, "dotnet"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            var info = new ProcessStartInfo(bash) { RedirectStandardOutput = true, RedirectStandardError = true };
            info.ArgumentList.Add(Sh);
            foreach (var a in args) info.ArgumentList.Add(a);
            info.Environment["PATH"] = bin + ":" + Environment.GetEnvironmentVariable("PATH");
            using var process = Process.Start(info)!;
            var stderr = process.StandardError.ReadToEndAsync();
            process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return (File.ReadAllText(log), process.ExitCode, stderr.Result);
        }
        finally
        {
            Directory.Delete(bin, recursive: true);
        }
    }

    [Test]
    public void The_bash_script_builds_then_passes_its_arguments_on()
    {
        var (log, exit, _) = Bash("exit 0", "--chapter", "1,3", "--json", "my results.json");
        var lines = log.TrimEnd().Split('\n');
        Assert.That(lines, Has.Length.EqualTo(2));
        Assert.That(lines[0], Does.StartWith("build " + Path.Combine(Repo.Root, "tools", "Runner", "DeepLearningKata.Runner.csproj")));
        Assert.That(lines[1], Is.EqualTo($"{Dll} --chapter 1,3 --json my results.json"));
        Assert.That(exit, Is.EqualTo(5), "the runner's exit code is the script's");
    }

    [Test]
    public void The_bash_script_says_when_the_grading_tool_itself_cannot_be_built_and_grades_nothing()
    {
        var (log, exit, err) = Bash("echo 'error NU1101: Unable to find package NUnit'; exit 1", "--exercise", "1.3");
        Assert.That(log.TrimEnd().Split('\n'), Has.Length.EqualTo(1), "nothing is graded");
        Assert.That(exit, Is.EqualTo(1));
        Assert.That(err, Does.Contain("grading tool could not be built").And.Contain("not about your exercises").And.Contain("NU1101"));
    }
}
