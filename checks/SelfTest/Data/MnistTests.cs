using System.Buffers.Binary;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using DeepLearningKata.Checks;
using DeepLearningKata.Data;
using NUnit.Framework;

namespace DeepLearningKata.SelfTest.Data;

/// <summary>
/// The MNIST subset in data/mnist and its loader: the shipped files load with the documented shapes,
/// sizes and class balance and match their checksums; IDX files written by hand read back; every
/// broken file gives a <see cref="DataFileException"/> naming the file and the problem.
/// </summary>
[TestFixture]
public sealed partial class MnistTests
{
    private static string Folder => Path.Combine(Repo.Root, "data", "mnist");
    private static string ReadmePath => Path.Combine(Folder, "README.md");

    private string _temp = "";

    [SetUp]
    public void CreateTempFolder()
    {
        _temp = Path.Combine(Path.GetTempPath(), "kata-mnist-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_temp);
    }

    [TearDown]
    public void DeleteTempFolder()
    {
        if (Directory.Exists(_temp)) Directory.Delete(_temp, recursive: true);
    }

    // ------------------------------------------------------------------ the shipped subset

    [Test]
    public void Shipped_subset_loads_with_the_book_shapes_and_values_in_0_1()
    {
        var (xTrain, tTrain, xTest, tTest) = Mnist.Load();
        Assert.Multiple(() =>
        {
            Assert.That(xTrain.Shape, Is.EqualTo(new[] { 8000, 784 }));
            Assert.That(tTrain.Shape, Is.EqualTo(new[] { 8000 }));
            Assert.That(xTest.Shape, Is.EqualTo(new[] { 2000, 784 }));
            Assert.That(tTest.Shape, Is.EqualTo(new[] { 2000 }));
            foreach (var x in new[] { xTrain, xTest })
            {
                Assert.That(x.Min(), Is.EqualTo(0.0));
                Assert.That(x.Max(), Is.EqualTo(1.0));
                // MNIST's mean grey level is about 0.13; a garbled byte order or a wrong scale shows here.
                Assert.That(x.Mean(), Is.InRange(0.10, 0.16));
                // Every value is a byte / 255.
                Assert.That(x.ToArray().All(v => Math.Abs(v * 255 - Math.Round(v * 255)) < 1e-9), Is.True);
            }
        });
    }

    [Test]
    public void Shipped_subset_has_the_split_and_class_balance_its_README_documents()
    {
        var (_, tTrain, _, tTest) = Mnist.Load();
        var table = ReadBalanceTable();
        Assert.That(table, Has.Count.EqualTo(11), "README.md's class-balance table: 10 digits and the 'all' row");
        Assert.Multiple(() =>
        {
            Assert.That(table["all"], Is.EqualTo((10000, 8000, 2000)), "README.md: 10,000 digits, 8,000 train, 2,000 test");
            Assert.That(tTrain.Size, Is.EqualTo(table["all"].Train));
            Assert.That(tTest.Size, Is.EqualTo(table["all"].Test));
            for (var digit = 0; digit < 10; digit++)
            {
                var d = digit;
                var train = tTrain.ToArray().Count(l => l == d);
                var test = tTest.ToArray().Count(l => l == d);
                Assert.That((train, test), Is.EqualTo((table[$"{d}"].Train, table[$"{d}"].Test)), $"digit {d}");
                Assert.That(train, Is.GreaterThan(600), $"digit {d} is in the training set");
                Assert.That(test, Is.GreaterThan(150), $"digit {d} is in the test set");
            }
            Assert.That(tTrain.ToArray().Concat(tTest.ToArray()).All(l => l is >= 0 and <= 9 && l == Math.Floor(l)), Is.True,
                "labels are the digits 0-9");
        });
    }

    [Test]
    public void Shipped_subset_is_shuffled_so_a_batch_mixes_the_digits()
    {
        var (_, tTrain, _, tTest) = Mnist.Load();
        Assert.Multiple(() =>
        {
            Assert.That(tTrain.ToArray().Take(100).Distinct().Count(), Is.EqualTo(10), "the first 100 training labels");
            Assert.That(tTest.ToArray().Take(100).Distinct().Count(), Is.EqualTo(10), "the first 100 test labels");
        });
    }

    [Test]
    public void Shipped_subset_loads_as_images_unnormalized_and_one_hot()
    {
        var plain = Mnist.Load();
        var data = Mnist.Load(normalize: false, flatten: false, oneHot: true);
        Assert.Multiple(() =>
        {
            Assert.That(data.XTrain.Shape, Is.EqualTo(new[] { 8000, 1, 28, 28 }));
            Assert.That(data.XTest.Shape, Is.EqualTo(new[] { 2000, 1, 28, 28 }));
            Assert.That(data.TTrain.Shape, Is.EqualTo(new[] { 8000, 10 }));
            Assert.That(data.TTest.Shape, Is.EqualTo(new[] { 2000, 10 }));
            Assert.That(data.XTrain.Max(), Is.EqualTo(255.0));
            // The same pixels, unscaled and reshaped.
            var scaled = data.XTrain.ToArray();
            var normalized = plain.XTrain.ToArray();
            Assert.That(Enumerable.Range(0, scaled.Length).All(i => Math.Abs(scaled[i] / 255.0 - normalized[i]) < 1e-12), Is.True);
            // One-hot rows hold a single 1, at the label.
            Assert.That(data.TTrain.Sum(axis: 1).ToArray().All(s => s == 1.0), Is.True);
            var hot = data.TTrain.Argmax(axis: 1).ToArray();
            Assert.That(hot, Is.EqualTo(plain.TTrain.ToArray()));
        });
    }

    [Test]
    public void Load_returns_fresh_tensors_each_time()
    {
        var first = Mnist.Load();
        first.XTrain.AsSpan()[0] = 42;
        first.TTrain.AsSpan()[0] = 42;
        var second = Mnist.Load();
        Assert.Multiple(() =>
        {
            Assert.That(second.XTrain.AsSpan()[0], Is.Not.EqualTo(42.0));
            Assert.That(second.TTrain.AsSpan()[0], Is.Not.EqualTo(42.0));
        });
    }

    [Test]
    public void Shipped_files_match_the_SHA256_list_in_the_README()
    {
        var readme = File.ReadAllText(ReadmePath);
        var listed = ChecksumLine().Matches(readme).ToDictionary(m => m.Groups["file"].Value, m => m.Groups["hash"].Value);
        Assert.Multiple(() =>
        {
            foreach (var name in Mnist.FileNames)
            {
                var bytes = File.ReadAllBytes(Path.Combine(Folder, name));
                Assert.That(listed.ContainsKey(name), Is.True, $"README.md lists {name}");
                Assert.That(listed.GetValueOrDefault(name), Is.EqualTo(Sha256(bytes)), $"SHA-256 of {name}");
                var raw = name[..^3];
                Assert.That(listed.ContainsKey(raw), Is.True, $"README.md lists uncompressed {raw}");
                Assert.That(listed.GetValueOrDefault(raw), Is.EqualTo(Sha256(Gunzip(bytes))), $"SHA-256 of {raw}");
            }
        });
    }

    [Test]
    public void Shipped_files_are_standard_IDX_with_the_documented_headers()
    {
        Assert.Multiple(() =>
        {
            foreach (var (name, header) in new[]
            {
                ("train-images-idx3-ubyte.gz", new uint[] { 0x803, 8000, 28, 28 }),
                ("train-labels-idx1-ubyte.gz", new uint[] { 0x801, 8000 }),
                ("t10k-images-idx3-ubyte.gz", new uint[] { 0x803, 2000, 28, 28 }),
                ("t10k-labels-idx1-ubyte.gz", new uint[] { 0x801, 2000 }),
            })
            {
                var raw = Gunzip(File.ReadAllBytes(Path.Combine(Folder, name)));
                var read = Enumerable.Range(0, header.Length).Select(i => BinaryPrimitives.ReadUInt32BigEndian(raw.AsSpan(4 * i))).ToArray();
                Assert.That(read, Is.EqualTo(header), name);
            }
        });
    }

    // ------------------------------------------------------------------ round trips

    [TestCase(false)]
    [TestCase(true)]
    public void Images_and_labels_written_by_hand_read_back(bool gzip)
    {
        var pixels = Enumerable.Range(0, 3 * 2 * 4).Select(i => (byte)(i * 11)).ToArray();
        var labels = new byte[] { 7, 0, 9 };
        var imagesPath = Write("images" + (gzip ? ".gz" : ""), IdxBytes(0x803, [3, 2, 4], pixels), gzip);
        var labelsPath = Write("labels" + (gzip ? ".gz" : ""), IdxBytes(0x801, [3], labels), gzip);

        var images = Idx.ReadImages(imagesPath);
        Assert.Multiple(() =>
        {
            Assert.That((images.Count, images.Rows, images.Columns), Is.EqualTo((3, 2, 4)));
            Assert.That(images.Pixels, Is.EqualTo(pixels));
            Assert.That(Idx.ReadLabels(labelsPath), Is.EqualTo(labels));
            var any = Idx.Read(imagesPath);
            Assert.That(any.Shape, Is.EqualTo(new[] { 3, 2, 4 }));
            Assert.That(any.Data, Is.EqualTo(pixels));
            var t = images.ToTensor();
            Assert.That(t.Shape, Is.EqualTo(new[] { 3, 8 }));
            Assert.That(t[1, 3], Is.EqualTo(pixels[11] / 255.0).Within(1e-15));
            var nchw = images.ToTensor(normalize: false, flatten: false);
            Assert.That(nchw.Shape, Is.EqualTo(new[] { 3, 1, 2, 4 }));
            Assert.That(nchw[2, 0, 1, 3], Is.EqualTo((double)pixels[2 * 8 + 1 * 4 + 3]));
        });
    }

    [Test]
    public void An_IDX_file_of_other_dimensions_reads_with_its_shape()
    {
        var data = Enumerable.Range(0, 2 * 3 * 2 * 2).Select(i => (byte)i).ToArray();
        var path = Write("four-d", IdxBytes(0x804, [2, 3, 2, 2], data), gzip: false);
        var read = Idx.Read(path);
        Assert.Multiple(() =>
        {
            Assert.That(read.Shape, Is.EqualTo(new[] { 2, 3, 2, 2 }));
            Assert.That(read.Data, Is.EqualTo(data));
        });
    }

    [TestCase("-idx3-ubyte.gz", "-idx1-ubyte.gz", true)]
    [TestCase("-idx3-ubyte", "-idx1-ubyte", false)]
    [TestCase(".idx3-ubyte", ".idx1-ubyte", false)]
    public void A_folder_of_MNIST_files_loads_under_each_usual_name(string imageSuffix, string labelSuffix, bool gzip)
    {
        var (trainPixels, trainLabels) = WriteSet("train", 3, imageSuffix, labelSuffix, gzip, seed: 1);
        var (testPixels, testLabels) = WriteSet("t10k", 2, imageSuffix, labelSuffix, gzip, seed: 2);

        var (xTrain, tTrain, xTest, tTest) = Mnist.Load(_temp);
        var oneHot = Mnist.Load(_temp, normalize: false, oneHot: true);
        Assert.Multiple(() =>
        {
            Assert.That(xTrain.Shape, Is.EqualTo(new[] { 3, 784 }));
            Assert.That(xTest.Shape, Is.EqualTo(new[] { 2, 784 }));
            Assert.That(xTrain.ToArray(), Is.EqualTo(trainPixels.Select(b => b / 255.0).ToArray()).Within(1e-15));
            Assert.That(xTest.ToArray(), Is.EqualTo(testPixels.Select(b => b / 255.0).ToArray()).Within(1e-15));
            Assert.That(tTrain.ToArray(), Is.EqualTo(trainLabels.Select(b => (double)b).ToArray()));
            Assert.That(tTest.ToArray(), Is.EqualTo(testLabels.Select(b => (double)b).ToArray()));
            Assert.That(oneHot.XTest.ToArray(), Is.EqualTo(testPixels.Select(b => (double)b).ToArray()));
            Assert.That(oneHot.TTest.Shape, Is.EqualTo(new[] { 2, 10 }));
            Assert.That(oneHot.TTest[1, testLabels[1]], Is.EqualTo(1.0));
            Assert.That(oneHot.TTest.Sum(), Is.EqualTo(2.0));
        });
    }

    [Test]
    public void The_default_folder_is_data_mnist_under_the_root_or_under_KATA_ROOT()
    {
        Assert.That(Mnist.DefaultFolder, Is.EqualTo(Folder));
        Directory.CreateDirectory(Path.Combine(_temp, "data", "mnist"));
        var saved = Environment.GetEnvironmentVariable("KATA_ROOT");
        try
        {
            Environment.SetEnvironmentVariable("KATA_ROOT", _temp);
            var (pixels, _) = WriteSet(Path.Combine("data", "mnist", "train"), 2, "-idx3-ubyte.gz", "-idx1-ubyte.gz", gzip: true, seed: 10);
            WriteSet(Path.Combine("data", "mnist", "t10k"), 1, "-idx3-ubyte.gz", "-idx1-ubyte.gz", gzip: true, seed: 11);
            Assert.That(Mnist.DefaultFolder, Is.EqualTo(Path.Combine(_temp, "data", "mnist")));
            var data = Mnist.Load(normalize: false);
            Assert.That(data.XTrain.ToArray(), Is.EqualTo(pixels.Select(b => (double)b).ToArray()));
        }
        finally
        {
            Environment.SetEnvironmentVariable("KATA_ROOT", saved);
        }
    }

    [Test]
    public void A_file_named_gz_that_is_already_uncompressed_still_reads()
    {
        var path = Write("labels.gz", IdxBytes(0x801, [2], [3, 4]), gzip: false);
        Assert.That(Idx.ReadLabels(path), Is.EqualTo(new byte[] { 3, 4 }));
    }

    // ------------------------------------------------------------------ broken files

    [TestCase(false)]
    [TestCase(true)]
    public void A_truncated_image_file_says_how_many_bytes_were_expected_and_found(bool gzip)
    {
        var full = IdxBytes(0x803, [5, 28, 28], new byte[5 * 784]);
        var path = Write("train-images-idx3-ubyte" + (gzip ? ".gz" : ""), full[..2000], gzip);
        var e = ThrowsDataFileException(() => Idx.ReadImages(path), path);
        Assert.That(e.Message, Does.Contain("truncated").And.Contain("expected 3,936 bytes").And.Contain("found 2,000")
            .And.Contain("5 × 28 × 28"));
    }

    [Test]
    public void A_gzip_file_cut_short_is_reported_as_truncated_or_corrupt()
    {
        var gz = GzipBytes(IdxBytes(0x803, [50, 28, 28], RandomBytes(50 * 784, seed: 3)));
        var path = Write("t10k-images-idx3-ubyte.gz", gz[..(gz.Length / 2)], gzip: false);
        var e = ThrowsDataFileException(() => Idx.ReadImages(path), path);
        Assert.That(e.Message, Does.Contain("truncated").Or.Contain("corrupt"));
    }

    [Test]
    public void A_header_cut_short_is_reported_as_truncated()
    {
        var path = Write("labels", IdxBytes(0x801, [10], new byte[10])[..6], gzip: false);
        var e = ThrowsDataFileException(() => Idx.ReadLabels(path), path);
        Assert.That(e.Message, Does.Contain("truncated").And.Contain("8 bytes").And.Contain("found 6"));
    }

    [Test]
    public void Extra_bytes_after_the_data_are_reported()
    {
        var bytes = IdxBytes(0x801, [4], [1, 2, 3, 4]).Concat(new byte[] { 5, 6 }).ToArray();
        var path = Write("labels", bytes, gzip: false);
        var e = ThrowsDataFileException(() => Idx.ReadLabels(path), path);
        Assert.That(e.Message, Does.Contain("longer than its header declares").And.Contain("expected 12 bytes").And.Contain("found 14"));
    }

    [Test]
    public void Swapped_images_and_labels_files_are_named_as_such()
    {
        var images = Write("train-images-idx3-ubyte.gz", IdxBytes(0x803, [1, 28, 28], new byte[784]), gzip: true);
        var labels = Write("train-labels-idx1-ubyte.gz", IdxBytes(0x801, [1], [3]), gzip: true);
        var asImages = ThrowsDataFileException(() => Idx.ReadImages(labels), labels);
        var asLabels = ThrowsDataFileException(() => Idx.ReadLabels(images), images);
        Assert.Multiple(() =>
        {
            Assert.That(asImages.Message, Does.Contain("not an IDX image file").And.Contain("magic 0x00000801").And.Contain("swap"));
            Assert.That(asLabels.Message, Does.Contain("not an IDX label file").And.Contain("magic 0x00000803").And.Contain("swap"));
        });
    }

    [Test]
    public void A_file_that_is_not_IDX_at_all_shows_its_magic()
    {
        var path = Write("train-images-idx3-ubyte", "hello, world"u8.ToArray(), gzip: false);
        var e = ThrowsDataFileException(() => Idx.ReadImages(path), path);
        Assert.That(e.Message, Does.Contain("not an IDX image file").And.Contain("magic 0x68656C6C"));
    }

    [TestCase("train-labels-idx1-ubyte")]
    [TestCase("train-labels-idx1-ubyte.gz")]
    public void An_empty_file_is_reported_as_empty(string name)
    {
        var path = Write(name, [], gzip: false);
        var e = ThrowsDataFileException(() => Idx.ReadLabels(path), path);
        Assert.That(e.Message, Does.Contain("is empty (0 bytes)"));
    }

    [Test]
    public void A_web_page_saved_as_gz_is_recognised()
    {
        var path = Write("train-images-idx3-ubyte.gz", "<!DOCTYPE html><html>Not Found</html>"u8.ToArray(), gzip: false);
        var e = ThrowsDataFileException(() => Idx.ReadImages(path), path);
        Assert.That(e.Message, Does.Contain("not gzip-compressed").And.Contain("web page"));
    }

    [Test]
    public void Values_of_another_IDX_type_are_refused_by_name()
    {
        var path = Write("floats", IdxBytes(0x0D01, [1], new byte[4]), gzip: false);
        var e = ThrowsDataFileException(() => Idx.Read(path), path);
        Assert.That(e.Message, Does.Contain("0x0D").And.Contain("32-bit float").And.Contain("only unsigned bytes"));
    }

    [Test]
    public void Corrupt_gzip_data_is_reported_as_corrupt()
    {
        var gz = GzipBytes(IdxBytes(0x801, [2000], RandomBytes(2000, seed: 4)));
        for (var i = 20; i < gz.Length - 20; i += 7) gz[i] ^= 0x5A;
        var path = Write("train-labels-idx1-ubyte.gz", gz, gzip: false);
        var e = ThrowsDataFileException(() => Idx.ReadLabels(path), path);
        Assert.That(e.Message, Does.Contain("not valid gzip").And.Contain("corrupt"));
    }

    [Test]
    public void A_gzip_file_with_a_wrong_checksum_is_reported_as_corrupt()
    {
        var gz = GzipBytes(IdxBytes(0x801, [3], [1, 2, 3]));
        gz[^8] ^= 0xFF; // the CRC-32 of the uncompressed data, in the gzip trailer
        var path = Write("labels.gz", gz, gzip: false);
        var e = ThrowsDataFileException(() => Idx.ReadLabels(path), path);
        Assert.That(e.Message, Does.Contain("not valid gzip").And.Contain("corrupt"));
    }

    [Test]
    public void A_missing_file_is_named_with_the_way_to_regenerate_it()
    {
        var path = Path.Combine(_temp, "train-images-idx3-ubyte.gz");
        var e = ThrowsDataFileException(() => Idx.ReadImages(path), path);
        Assert.That(e.Message, Does.Contain("file not found").And.Contain("tools/make-mnist-subset/make.sh")
            .And.Contain("git checkout -- data/mnist"));
    }

    [Test]
    public void A_folder_without_MNIST_files_names_the_first_missing_file_and_what_to_put_there()
    {
        var e = ThrowsDataFileException(() => Mnist.Load(_temp), Path.Combine(_temp, "train-images-idx3-ubyte.gz"));
        Assert.That(e.Message, Does.Contain("file not found").And.Contain("train-images-idx3-ubyte,")
            .And.Contain("t10k-labels-idx1-ubyte.gz"));
    }

    [Test]
    public void A_missing_folder_is_named()
    {
        var folder = Path.Combine(_temp, "no-such-folder");
        var e = ThrowsDataFileException(() => Mnist.Load(folder), Path.Combine(folder, "train-images-idx3-ubyte.gz"));
        Assert.That(e.Message, Does.Contain("does not exist"));
    }

    [Test]
    public void A_folder_passed_as_a_file_is_named()
    {
        var e = ThrowsDataFileException(() => Idx.ReadLabels(_temp), _temp);
        Assert.That(e.Message, Does.Contain("is a folder"));
    }

    [Test]
    public void Images_and_labels_of_different_counts_are_reported()
    {
        WriteSet("train", 3, "-idx3-ubyte.gz", "-idx1-ubyte.gz", gzip: true, seed: 5);
        WriteSet("t10k", 2, "-idx3-ubyte.gz", "-idx1-ubyte.gz", gzip: true, seed: 6);
        var labels = Write("t10k-labels-idx1-ubyte.gz", IdxBytes(0x801, [3], [1, 2, 3]), gzip: true);
        var e = ThrowsDataFileException(() => Mnist.Load(_temp), labels);
        Assert.That(e.Message, Does.Contain("3 labels").And.Contain("2 images").And.Contain("t10k-images-idx3-ubyte.gz"));
    }

    [Test]
    public void A_label_that_is_not_a_digit_is_reported()
    {
        WriteSet("train", 3, "-idx3-ubyte.gz", "-idx1-ubyte.gz", gzip: true, seed: 7);
        WriteSet("t10k", 2, "-idx3-ubyte.gz", "-idx1-ubyte.gz", gzip: true, seed: 8);
        var labels = Write("train-labels-idx1-ubyte.gz", IdxBytes(0x801, [3], [1, 12, 3]), gzip: true);
        var e = ThrowsDataFileException(() => Mnist.Load(_temp), labels);
        Assert.That(e.Message, Does.Contain("label #1 is 12"));
    }

    [Test]
    public void Images_that_are_not_28_by_28_are_reported_by_Mnist_Load()
    {
        WriteSet("t10k", 2, "-idx3-ubyte.gz", "-idx1-ubyte.gz", gzip: true, seed: 9);
        var images = Write("train-images-idx3-ubyte.gz", IdxBytes(0x803, [1, 32, 32], new byte[1024]), gzip: true);
        Write("train-labels-idx1-ubyte.gz", IdxBytes(0x801, [1], [0]), gzip: true);
        var e = ThrowsDataFileException(() => Mnist.Load(_temp), images);
        Assert.That(e.Message, Does.Contain("32×32").And.Contain("28×28"));
    }

    // ------------------------------------------------------------------ helpers

    private static DataFileException ThrowsDataFileException(TestDelegate call, string path)
    {
        var e = Assert.Throws<DataFileException>(call)!;
        TestContext.Out.WriteLine(e.Message);
        Assert.Multiple(() =>
        {
            Assert.That(e.FilePath, Is.EqualTo(path));
            Assert.That(e.Message, Does.StartWith(path + ": "), "the message names the file first");
        });
        return e;
    }

    /// <summary>An IDX file built from the format's description, independently of the reader.</summary>
    private static byte[] IdxBytes(uint magic, int[] shape, byte[] data)
    {
        var bytes = new byte[4 + 4 * shape.Length + data.Length];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, magic);
        for (var d = 0; d < shape.Length; d++) BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(4 + 4 * d), (uint)shape[d]);
        data.CopyTo(bytes, 4 + 4 * shape.Length);
        return bytes;
    }

    private string Write(string name, byte[] bytes, bool gzip)
    {
        var path = Path.Combine(_temp, name);
        File.WriteAllBytes(path, gzip ? GzipBytes(bytes) : bytes);
        return path;
    }

    private (byte[] Pixels, byte[] Labels) WriteSet(string set, int count, string imageSuffix, string labelSuffix, bool gzip, int seed)
    {
        var pixels = RandomBytes(count * 784, seed);
        var labels = RandomBytes(count, seed + 100).Select(b => (byte)(b % 10)).ToArray();
        Write($"{set}-images{imageSuffix}", IdxBytes(0x803, [count, 28, 28], pixels), gzip);
        Write($"{set}-labels{labelSuffix}", IdxBytes(0x801, [count], labels), gzip);
        return (pixels, labels);
    }

    private static byte[] RandomBytes(int n, int seed)
    {
        var bytes = new byte[n];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    private static byte[] GzipBytes(byte[] bytes)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true)) gzip.Write(bytes);
        return output.ToArray();
    }

    private static byte[] Gunzip(byte[] bytes)
    {
        using var gzip = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
        using var output = new MemoryStream();
        gzip.CopyTo(output);
        return output.ToArray();
    }

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>README.md's class-balance table: digit (or "all") → (package, train, test).</summary>
    private static Dictionary<string, (int Package, int Train, int Test)> ReadBalanceTable() =>
        BalanceRow().Matches(File.ReadAllText(ReadmePath)).ToDictionary(
            m => m.Groups["digit"].Value,
            m => (int.Parse(m.Groups["package"].Value), int.Parse(m.Groups["train"].Value), int.Parse(m.Groups["test"].Value)));

    [GeneratedRegex(@"^(?<hash>[0-9a-f]{64})  (?<file>\S+)$", RegexOptions.Multiline)]
    private static partial Regex ChecksumLine();

    [GeneratedRegex(@"^\| (?<digit>[0-9]|all) \| (?<package>\d+) \| (?<train>\d+) \| (?<test>\d+) \|", RegexOptions.Multiline)]
    private static partial Regex BalanceRow();
}
