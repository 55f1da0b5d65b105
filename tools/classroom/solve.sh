# Sourced, not run: defines solve TARGET ID, which writes the reference solution of exercise ID into the learner's
# stub file under TARGET/exercises/, so that a "solved" copy passes that exercise. Needs $root, the kata's folder.
# Used by tools/classroom/make-sample-class.sh and tools/check-report.sh.

solve() { # solve TARGET ID: the reference of exercise ID, rewritten into the learner's stub
  local target="$1" id="$2" ref stub
  ref="$(ls "$root"/engine/Reference/Chapter*/"$id"-*.cs)"
  stub="$(ls "$target"/exercises/Chapter*/"$id"-*/*.cs 2>/dev/null | head -n 1)"
  [ -n "$stub" ] || return 0
  # The references check their inputs through engine/Reference/Guards.cs; a learner who writes the same keeps a copy.
  # Its window arithmetic is the learner's own 7.1 (Chapter7.OutputSize), so it compiles before chapter 7 is solved too.
  sed -e 's/^namespace DeepLearningKata\.Reference;/namespace DeepLearningKata.Exercises;/' -e 's/\bWindows\.OutputSize(/Chapter7.OutputSize(/g' \
    "$root/engine/Reference/Guards.cs" > "$target/exercises/Guards.cs"
  # Members of ChapterNReference (4 spaces in) become static methods of ChapterN. Everything else is kept as it is:
  # classes of their own (layers, networks) keep their virtual and protected members, which their subclasses use
  # (7.4's pooling layers, 4.8's networks, 6.3's BatchNormalization). Where the reference reaches its chapter's other
  # functions through an instance (4.8: `static readonly Chapter4Reference Functions = new();`), the learner's
  # static members are called instead (`Functions.X` becomes `Chapter4.X`).
  awk '
    /^namespace DeepLearningKata\.Reference;/ { print "namespace DeepLearningKata.Exercises;"; next }
    /^public partial class Chapter[0-9]+Reference/ { n = $0; sub(/Reference.*/, "", n); sub(/public partial class /, "", n); print "public static partial class " n; inside = 1; next }
    /^}/ { inside = 0 }
    /<inheritdoc\/>/ { next }
    /static readonly Chapter[0-9]+Reference [A-Za-z_][A-Za-z0-9_]* = new\(\);/ {
      alias = $0; sub(/ = new.*/, "", alias); sub(/.* /, "", alias)
      chapter = $0; sub(/.*static readonly /, "", chapter); sub(/Reference .*/, "", chapter)
      next }
    { line = $0
      if (inside && line ~ /^    public virtual /) sub(/public virtual /, "public static ", line)
      if (alias != "") gsub(alias "\\.", chapter ".", line)
      print line }
  ' "$ref" > "$stub"
}

