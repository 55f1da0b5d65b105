#!/usr/bin/env bash
# Makes a sample class for trying (and timing) classroom grading:
#
#   tools/classroom/make-sample-class.sh DIR [N]      N submissions (default 30) in DIR, which must not exist
#   ./run-checks.sh --classroom DIR --csv DIR.csv --json DIR.json
#
# Each submission is a copy of this repository's files (git ls-files) with some exercises "solved": the
# reference solution rewritten into the learner's stub file, so a "solved" learner passes every exercise. Learners
# cycle through kinds of work, so that every line of the report shows up:
# all solved, partly done, untouched stubs, one wrong answer, one exercise that does not compile, an endless
# loop, a stack overflow, a huge allocation, a changed check (tampered), Earlier.cs broken (does not compile),
# an empty folder, a folder that is not the kata, and a few handed in as .zip files. Each learner's name says what
# they are (learner05-wrong). A class of 12 or more also gets one hostile learner of each kind, whose code (in 1.1)
# tries to cheat or to reach outside its sandbox, then answers as its name says:
#   hostile-forge       prints the runner's result lines (@kata {…}, "✓ … passed") on stdout and stderr; answers wrongly
#   hostile-writes      writes into golden/, data/mnist/, another learner's Xor.cs, the class folder, the runner's
#                       deps.json and $HOME; answers rightly, or crashes naming the files it could write
#   hostile-child       starts /bin/sleep 1000, which must not outlive its worker; answers rightly
#   hostile-reflection  calls the reference solution by reflection (Type.GetType, Assembly.Load); answers rightly
# SAMPLE_KINDS="solved wrong …" cycles through those kinds only, without the hostile learners (tools/classroom/scale.sh).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
dir="${1:?usage: make-sample-class.sh DIR [N]}"
count="${2:-30}"
if [ -e "$dir" ]; then echo "make-sample-class: $dir exists already; give a new folder." >&2; exit 2; fi
mkdir -p "$dir"
dir="$(cd "$dir" && pwd)"

# Every exercise with a reference file of its own can be "solved" by rewriting that file into the stub.
solvable=()
for ref in "$root"/engine/Reference/Chapter*/*-*.cs; do
  solvable+=("$(basename "$ref" | cut -d- -f1)")
done

copy_repo() { # copy_repo TARGET: this repository's files, as a learner's clone has them
  mkdir -p "$1"
  (cd "$root" && git ls-files -z --cached --others --exclude-standard | xargs -0 cp --parents -t "$1" 2>/dev/null || true)
}

# solve TARGET ID: the reference of exercise ID, rewritten into the learner's stub (shared with tools/check-report.sh).
source "$root/tools/classroom/solve.sh"

solve_upto() { # solve_upto TARGET LAST_CHAPTER
  for id in "${solvable[@]}"; do
    if [ "${id%%.*}" -le "$2" ]; then solve "$1" "$id"; fi
  done
}

sub() { # sub ID: a method replaced in one exercise's stub file (after solving)
  local target="$1" id="$2" body="$3" stub
  stub="$(ls "$target"/exercises/Chapter*/"$id"-*/*.cs | head -n 1)"
  printf '%s\n' "$body" > "$stub"
}

kinds=(solved solved partly stubs wrong broken-exercise loop stackoverflow allocation tampered solved-zip broken-earlier)
hostile=(hostile-forge hostile-writes hostile-child hostile-reflection)
if [ -n "${SAMPLE_KINDS:-}" ]; then read -r -a kinds <<<"$SAMPLE_KINDS"; hostile=(); fi
width=2; if [ "$count" -ge 100 ]; then width=3; fi
if [ "$count" -ge 1000 ]; then width=4; fi
names=(); kinds_of=()
for i in $(seq 1 "$count"); do
  kind="${kinds[$(( (i - 1) % ${#kinds[@]} ))]}"
  if [ -z "${SAMPLE_KINDS:-}" ] && [ "$i" -eq "$count" ] && [ "$count" -ge 12 ]; then kind=empty; fi
  if [ -z "${SAMPLE_KINDS:-}" ] && [ "$i" -eq $((count - 1)) ] && [ "$count" -ge 12 ]; then kind=not-kata; fi
  names+=("$(printf "learner%0${width}d-%s" "$i" "$kind")"); kinds_of+=("$kind")
done
if [ "$count" -ge 12 ]; then
  for kind in "${hostile[@]}"; do names+=("$kind"); kinds_of+=("$kind"); done
fi
first="$dir/${names[0]}" # whose Xor.cs hostile-writes goes after

# The code of a hostile learner's 1.1: first its trick (once per worker), then its answer.
hostile_code() { # hostile_code KIND
  local trick fields='' answer='1.0 / (1.0 + Math.Exp(-x))'
  case "$1" in
    hostile-forge)
      answer='0.5'
      trick='var forged = "@kata {\"event\":\"result\",\"id\":\"1.1\",\"result\":{\"id\":\"1.1\",\"chapter\":1,\"title\":\"BasicSigmoid\",\"state\":\"passed\",\"message\":null,\"seconds\":0,\"checks\":[]},\"output\":null}";
        foreach (var line in new[] { "@kata {\"event\":\"start\",\"id\":\"1.1\"}", forged, "✓ 1.1 BasicSigmoid — passed (4/4 checks)" })
        {
            Console.WriteLine(line);
            Console.Error.WriteLine(line);
            var bytes = System.Text.Encoding.UTF8.GetBytes(line + "\n");
            using (var raw = Console.OpenStandardOutput()) raw.Write(bytes, 0, bytes.Length);
            using (var raw = Console.OpenStandardError()) raw.Write(bytes, 0, bytes.Length);
        }' ;;
    hostile-writes)
      trick="var golden = Environment.GetEnvironmentVariable(\"KATA_GOLDEN\") ?? \"golden\";
        var targets = new[]
        {
            System.IO.Path.Combine(golden, \"Chapter01\", \"1.1-BasicSigmoid.examples.verified.json\"),
            System.IO.Path.Combine(golden, \"hacked.txt\"),
            System.IO.Path.Combine(golden, \"..\", \"data\", \"mnist\", \"t10k-labels-idx1-ubyte.gz\"),
            \"data/mnist/t10k-labels-idx1-ubyte.gz\",
            \"$first/exercises/Chapter02/2.2-Xor/Xor.cs\",
            \"$dir/hacked.txt\",
            System.IO.Path.Combine(AppContext.BaseDirectory, \"DeepLearningKata.Runner.deps.json\"),
            System.IO.Path.Combine(Environment.GetEnvironmentVariable(\"HOME\") ?? \"/root\", \"hacked.txt\"),
        };
        var through = new List<string>();
        foreach (var target in targets)
        {
            try { System.IO.File.AppendAllText(target, \"hacked\\n\"); through.Add(target); }
            catch (Exception e) { Console.WriteLine(\"could not write \" + target + \": \" + e.Message); }
        }
        if (through.Count > 0) throw new InvalidOperationException(\"hostile-writes got through to: \" + string.Join(\", \", through));" ;;
    hostile-child)
      trick='System.Diagnostics.Process.Start("/bin/sleep", "1000");' ;;
    hostile-reflection)
      fields='private static readonly Type reference = Type.GetType("DeepLearningKata.Reference.Chapter1Reference, DeepLearningKata.Reference")
        ?? System.Reflection.Assembly.Load("DeepLearningKata.Reference").GetType("DeepLearningKata.Reference.Chapter1Reference")!;'
      answer='(double)reference.GetMethod("BasicSigmoid")!.Invoke(Activator.CreateInstance(reference), [x])!'
      trick='' ;;
  esac
  cat <<CODE
namespace DeepLearningKata.Exercises;
public static partial class Chapter1
{
    private static bool _tried;
    $fields
    public static double BasicSigmoid(double x)
    {
        if (!_tried)
        {
            _tried = true;
        $trick
        }
        return $answer;
    }
}
CODE
}

for n in "${!names[@]}"; do
  name="${names[$n]}"; kind="${kinds_of[$n]}"
  t="$dir/$name"
  case "$kind" in
    empty) mkdir -p "$t"; continue ;;
    not-kata) mkdir -p "$t"; echo "my homework" > "$t/notes.txt"; continue ;;
  esac
  copy_repo "$t"
  case "$kind" in
    solved|solved-zip|tampered) solve_upto "$t" 99 ;;
    partly) solve_upto "$t" 1 ;;
    stubs) ;;
    *) solve_upto "$t" 3 ;;
  esac
  case "$kind" in
    wrong) sub "$t" 1.3 'namespace DeepLearningKata.Exercises;
public static partial class Chapter1
{
    public static Tensor SigmoidDerivative(Tensor x) { var s = Sigmoid(x); return s * (1.0 + s); }
}' ;;
    broken-exercise) sub "$t" 1.5 'namespace DeepLearningKata.Exercises;
public static partial class Chapter1
{
    public static Tensor NormalizeRows(Tensor x) { return x / Np.Norm(x, axis: 1, keepdims: true) }
}' ;;
    loop) sub "$t" 2.2 'namespace DeepLearningKata.Exercises;
public static partial class Chapter2
{
    public static int Xor(double x1, double x2) { var n = 0; while (x1 == x1) n++; return n; }
}' ;;
    stackoverflow) sub "$t" 1.1 'namespace DeepLearningKata.Exercises;
public static partial class Chapter1
{
    public static double BasicSigmoid(double x) => 1.0 / (1.0 + BasicSigmoid(-x));
}' ;;
    allocation) sub "$t" 1.7 'namespace DeepLearningKata.Exercises;
public static partial class Chapter1
{
    public static double L1(Tensor yhat, Tensor y)
    {
        var all = new List<double[]>();
        while (true) all.Add(new double[1 << 20]);
    }
}' ;;
    tampered) printf '\n// made easier\n' >> "$t/checks/Chapter01/1.3-SigmoidDerivative.cs"; rm -f "$t/golden/Chapter01/1.1-BasicSigmoid.examples.verified.json" ;;
    broken-earlier) printf '\npublic static class Oops { public static int X => ; }\n' >> "$t/exercises/Earlier.cs" ;;
    hostile-*) sub "$t" 1.1 "$(hostile_code "$kind")" ;;
  esac
  if [ "$kind" = solved-zip ]; then
    (cd "$dir" && zip -qr "$name.zip" "$name" && rm -rf "$name")
  fi
done
echo "Made ${#names[@]} submissions in $dir"
