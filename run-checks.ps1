#!/usr/bin/env pwsh
<#
.SYNOPSIS
    Grades your exercises and tells you what to do next.

.DESCRIPTION
    Builds the runner, which compiles your exercises/ itself (an exercise that does not compile is reported
    as such and the others are graded), grades each exercise in a supervised process with a time and memory
    limit, and prints a scoreboard per chapter, what went wrong, and the next exercise to do.
    The twin of run-checks.sh; each parameter is one of the runner's options (./run-checks.sh --help).
    Exit code: 0 when every selected exercise passes, 1 otherwise (also when an exercise does not compile),
    2 for a mistake on the command line.

.PARAMETER Chapter
    Grade these chapters (--chapter), e.g. -Chapter 1,3.

.PARAMETER Exercise
    Grade these exercises (--exercise), e.g. -Exercise 1.3.

.PARAMETER Subject
    Whose code to grade (--subject): learner (the default), reference, or mutant:KEY.

.PARAMETER Json
    Also write a JSON summary to this file (--json).

.PARAMETER Badges
    Also write one badge per chapter into this folder (--badges).

.PARAMETER Report
    Also write a visual report into this HTML file (--report): the scoreboard, every failure, and your
    curves drawn over the reference's. One self-contained page; it opens without a network.

.PARAMETER Accept
    For maintainers: accept the received golden files first (--accept); refused on CI.

.PARAMETER Timeout
    Time budget per exercise in seconds, instead of each exercise's own (--timeout).

.PARAMETER Explain
    Print this exercise's instructions instead of grading (--explain), e.g. -Explain 1.3.

.PARAMETER Hint
    One more hint for this exercise (--hint): a nudge first, closer to a solution each time.

.PARAMETER Solution
    The model solution of this exercise (--solution), once yours passes or after -GiveUp.

.PARAMETER GiveUp
    Record that you give this exercise up (--give-up); your instructor sees it.

.PARAMETER Lang
    The language of instructions and hints (--lang): en (English) or zh (简体中文). The default is
    $env:KATA_LANG, else the system's language.

.PARAMETER Classroom
    For instructors: grade every learner's copy in this folder (--classroom); see README, "Classroom".

.PARAMETER Csv
    With -Classroom: also write the class's table as CSV to this file (--csv).

.PARAMETER Gradebook
    With -Classroom: also write the points as a gradebook CSV, a row per learner and a column per exercise (--gradebook).

.PARAMETER ClassPage
    With -Classroom: also write the class page, one HTML file: learners × exercises and every check's pass rate (--class-page).

.PARAMETER Memory
    The memory limit of each grading process in MB (--memory; default 2048, or KATA_MEMORY_MB).

.PARAMETER Parallel
    With -Classroom: how many submissions are graded at once (--parallel).

.NOTES
    -Verbose (PowerShell's common parameter) shows every failing check's whole message (--verbose),
    not only the first one's.

.PARAMETER Watch
    Keep running (--watch): each time you save a file of an exercise, grade that exercise again and show
    its verdict, the next exercise to do and your progress. Ctrl+C stops.

.EXAMPLE
    ./run-checks.ps1 -Exercise 1.3

.EXAMPLE
    ./run-checks.ps1 -Chapter 1,3 -Json results.json -Badges badges

.EXAMPLE
    ./run-checks.ps1 -Explain 1.3 -Lang zh

.EXAMPLE
    ./run-checks.ps1 -Classroom submissions -Csv class.csv -Json class.json -Gradebook gradebook.csv -ClassPage class.html

.EXAMPLE
    ./run-checks.ps1 -Report report.html

.EXAMPLE
    ./run-checks.ps1 -Watch
#>
[CmdletBinding()]
param(
    [int[]] $Chapter,
    [string[]] $Exercise,
    [string] $Subject,
    [string] $Json,
    [string] $Badges,
    [string] $Report,
    [switch] $Accept,
    [double] $Timeout,
    [string] $Explain,
    [string] $Hint,
    [string] $Solution,
    [string] $GiveUp,
    [ValidateSet('en', 'zh')] [string] $Lang,
    [string] $Classroom,
    [string] $Csv,
    [string] $Gradebook,
    [string] $ClassPage,
    [int] $Memory,
    [int] $Parallel,
    [switch] $Watch
)

# Only the language and .NET are used here (no modules), so the script runs in any PowerShell 7 host.
$root = $PSScriptRoot
$project = [System.IO.Path]::Combine($root, 'tools', 'Runner', 'DeepLearningKata.Runner.csproj')
$dll = [System.IO.Path]::Combine($root, 'tools', 'Runner', 'bin', 'Release', 'net10.0', 'DeepLearningKata.Runner.dll')

# The parameters, as the runner's options.
$arguments = [string[]]@(
    foreach ($c in $Chapter) { '--chapter'; [string]$c }
    foreach ($e in $Exercise) { '--exercise'; $e }
    if ($Subject) { '--subject'; $Subject }
    if ($Json) { '--json'; $Json }
    if ($Badges) { '--badges'; $Badges }
    if ($Report) { '--report'; $Report }
    if ($Accept) { '--accept' }
    if ($PSBoundParameters.ContainsKey('Timeout')) { '--timeout'; [string]$Timeout }
    if ($Explain) { '--explain'; $Explain }
    if ($Hint) { '--hint'; $Hint }
    if ($Solution) { '--solution'; $Solution }
    if ($GiveUp) { '--give-up'; $GiveUp }
    if ($Lang) { '--lang'; $Lang }
    if ($Classroom) { '--classroom'; $Classroom }
    if ($Csv) { '--csv'; $Csv }
    if ($Gradebook) { '--gradebook'; $Gradebook }
    if ($ClassPage) { '--class-page'; $ClassPage }
    if ($PSBoundParameters.ContainsKey('Memory')) { '--memory'; [string]$Memory }
    if ($PSBoundParameters.ContainsKey('Parallel')) { '--parallel'; [string]$Parallel }
    if ($Watch) { '--watch' }
    if ($PSBoundParameters.ContainsKey('Verbose')) { '--verbose' } # -Verbose is PowerShell's common parameter
)

# On a terminal, say what the first seconds are for; the runner's first line overwrites it.
if (-not [Console]::IsErrorRedirected) { [Console]::Error.Write("Building…`r") }
# The runner does not contain your code (it compiles exercises/ itself, one exercise at a time), so a mistake
# of yours never stops this build: if it fails, the kata's own tools could not be built or restored.
$build = & dotnet build $project -c Release --nologo -v quiet -tl:off -clp:NoSummary 2>&1
if ($LASTEXITCODE -ne 0) {
    [Console]::Error.WriteLine('The kata''s grading tool could not be built (this is not about your exercises):')
    foreach ($line in $build) { [Console]::Error.WriteLine([string]$line) }
    exit 1
}

# Grading a class runs each learner's code in an OS sandbox (bubblewrap, on Linux): install it when missing and we can.
if ($Classroom -and $IsLinux) { & bash "$PSScriptRoot/tools/classroom/install-sandbox.sh" }

& dotnet $dll @arguments
exit $LASTEXITCODE
