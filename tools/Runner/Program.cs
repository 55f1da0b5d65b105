using System.Text;
using DeepLearningKata.Runner;

// The runner: `dotnet DeepLearningKata.Runner.dll [options]` (run-checks.sh / run-checks.ps1 build and start it).
// With --worker it is one of its own worker processes instead.
if (args.Contains("--worker"))
{
    return Worker.Run(Options.Parse(args));
}
Console.OutputEncoding = new UTF8Encoding(false);
var color = !Console.IsOutputRedirected
            && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"))
            && Environment.GetEnvironmentVariable("TERM") != "dumb";
return Cli.Run(args, Console.Out, Console.Error, color);
