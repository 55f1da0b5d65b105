using System.Buffers.Binary;
using System.Globalization;
using System.IO.Compression;

namespace DeepLearningKata.Data;

/// <summary>
/// Reads files in the IDX format, the format MNIST is distributed in, gzip-compressed or not.
/// </summary>
/// <remarks>
/// <para>An IDX file is a header followed by the values, row-major (the last index changes fastest):</para>
/// <code>
/// bytes 0–1   0x00 0x00
/// byte  2     the value type: 0x08 = unsigned byte (MNIST's; the only type read here)
/// byte  3     the number of dimensions, d
/// then        d sizes, each a 32-bit big-endian integer
/// then        the values
/// </code>
/// <para>So MNIST's image files start with the magic number <c>0x00000803</c> (bytes, 3 dimensions:
/// count, rows, columns) and its label files with <c>0x00000801</c> (bytes, 1 dimension: count).
/// A file is read as gzip when it starts with gzip's signature (<c>1F 8B</c>), whatever its name.</para>
/// <para>Everything that can go wrong with a file (missing, truncated, not IDX, the wrong kind of IDX,
/// corrupt gzip) is a <see cref="DataFileException"/> whose message names the file and the problem.</para>
/// </remarks>
public static class Idx
{
    /// <summary>The magic number of an IDX file of unsigned bytes with 3 dimensions: images.</summary>
    public const uint ImagesMagic = 0x00000803;

    /// <summary>The magic number of an IDX file of unsigned bytes with 1 dimension: labels.</summary>
    public const uint LabelsMagic = 0x00000801;

    private const byte UnsignedByte = 0x08;

    /// <summary>Reads an IDX file of images: <c>(count, rows, columns)</c> bytes, magic <c>0x00000803</c>.</summary>
    /// <param name="path">The file, e.g. <c>data/mnist/train-images-idx3-ubyte.gz</c>; gzip or not.</param>
    /// <returns>The images, as bytes 0–255 (0 is the background, 255 full ink).</returns>
    /// <exception cref="DataFileException">The file is missing, truncated, corrupt, or not an IDX image file.</exception>
    public static IdxImages ReadImages(string path)
    {
        var array = Read(path, ImagesMagic);
        return new IdxImages(array.Shape[0], array.Shape[1], array.Shape[2], array.Data);
    }

    /// <summary>Reads an IDX file of labels: <c>(count,)</c> bytes, magic <c>0x00000801</c>.</summary>
    /// <param name="path">The file, e.g. <c>data/mnist/train-labels-idx1-ubyte.gz</c>; gzip or not.</param>
    /// <returns>One byte per sample: for MNIST, the digit 0–9 the image shows.</returns>
    /// <exception cref="DataFileException">The file is missing, truncated, corrupt, or not an IDX label file.</exception>
    public static byte[] ReadLabels(string path) => Read(path, LabelsMagic).Data;

    /// <summary>Reads any IDX file of unsigned bytes, whatever its number of dimensions.</summary>
    /// <exception cref="DataFileException">The file is missing, truncated, corrupt, or not an IDX file of bytes.</exception>
    public static IdxArray Read(string path) => Read(path, expectedMagic: null);

    private static IdxArray Read(string path, uint? expectedMagic)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var (bytes, decompressed) = ReadContent(path);
        return Parse(path, bytes, decompressed, expectedMagic);
    }

    // ------------------------------------------------------------------ the bytes of the file

    private static (byte[] Bytes, bool Decompressed) ReadContent(string path)
    {
        if (Directory.Exists(path)) throw new DataFileException(path, "is a folder, not a file.");
        if (!File.Exists(path)) throw new DataFileException(path, MissingProblem(path));

        byte[] raw;
        try
        {
            raw = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DataFileException(path, $"cannot be read: {e.Message}", e);
        }

        if (raw.Length == 0) throw new DataFileException(path, "is empty (0 bytes). Was a download or copy interrupted? Fetch or rebuild the file.");
        if (raw.Length >= 2 && raw[0] == 0x1F && raw[1] == 0x8B) return (Gunzip(path, raw), true);

        if (path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) && !LooksLikeIdx(raw))
        {
            // A .gz name on an uncompressed IDX file (some browsers unpack downloads and keep the
            // name) is read as it is; anything else named .gz is an error.
            throw new DataFileException(path,
                $"is named .gz but is not gzip-compressed: it starts with {Hex(raw, 4)}, where a gzip file starts with 1F 8B.{Guess(raw)}");
        }
        return (raw, false);
    }

    private static byte[] Gunzip(string path, byte[] raw)
    {
        try
        {
            using var gzip = new GZipStream(new MemoryStream(raw, writable: false), CompressionMode.Decompress);
            using var output = new MemoryStream(capacity: raw.Length * 4);
            gzip.CopyTo(output);
            return output.ToArray();
        }
        catch (InvalidDataException e)
        {
            // .NET's own message ("unsupported compression method") would mislead: the data is damaged.
            throw new DataFileException(path,
                "is not valid gzip: it starts like gzip, but the compressed data is corrupt or fails its checksum. " +
                "Was the download or copy damaged? Fetch or rebuild the file.", e);
        }
    }

    private static bool LooksLikeIdx(byte[] raw) => raw.Length >= 4 && raw[0] == 0 && raw[1] == 0 && raw[2] == UnsignedByte;

    // ------------------------------------------------------------------ the header

    private static IdxArray Parse(string path, byte[] bytes, bool decompressed, uint? expectedMagic)
    {
        var after = decompressed ? " after decompressing" : "";
        var kind = expectedMagic switch
        {
            ImagesMagic => "an IDX image file",
            LabelsMagic => "an IDX label file",
            _ => "an IDX file",
        };

        if (bytes.Length < 4)
        {
            throw new DataFileException(path,
                $"is too short to be {kind}: {Count(bytes.Length)} bytes{after}, " +
                "where an IDX file starts with a 4-byte magic number and the sizes of its dimensions.");
        }

        var magic = BinaryPrimitives.ReadUInt32BigEndian(bytes);
        if (bytes[0] != 0 || bytes[1] != 0)
        {
            throw new DataFileException(path,
                $"this is not {kind}: it starts with {Hex(bytes, 4)} (magic 0x{magic:X8}), " +
                $"where an IDX file starts with two zero bytes{ExpectedMagicText(expectedMagic)}.{Guess(bytes)}");
        }
        if (expectedMagic is { } expected && magic != expected)
        {
            var swapped = (expected, magic) switch
            {
                (ImagesMagic, LabelsMagic) => " That is a label file's magic: did you swap the images and labels files?",
                (LabelsMagic, ImagesMagic) => " That is an image file's magic: did you swap the images and labels files?",
                _ => "",
            };
            throw new DataFileException(path,
                $"this is not {kind}: magic 0x{magic:X8} declares {TypeName(bytes[2])} values in {bytes[3]} " +
                $"dimension{(bytes[3] == 1 ? "" : "s")}{ExpectedMagicText(expectedMagic)}.{swapped}");
        }
        if (bytes[2] != UnsignedByte)
        {
            throw new DataFileException(path,
                $"holds IDX values of type 0x{bytes[2]:X2} ({TypeName(bytes[2])}); only unsigned bytes (0x08), " +
                "the type MNIST uses, can be read.");
        }

        int dimensions = bytes[3];
        if (dimensions == 0) throw new DataFileException(path, $"magic 0x{magic:X8} declares 0 dimensions; an IDX file has at least one.");

        var headerLength = 4 + 4 * dimensions;
        if (bytes.Length < headerLength)
        {
            throw new DataFileException(path,
                $"is truncated: its header declares {dimensions} dimension{(dimensions == 1 ? "" : "s")} and so needs {headerLength} bytes, " +
                $"found {Count(bytes.Length)}{after}.");
        }

        var shape = new int[dimensions];
        long valueCount = 1;
        for (var d = 0; d < dimensions; d++)
        {
            var size = BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(4 + 4 * d));
            valueCount *= size;
            if (size > int.MaxValue || valueCount > Array.MaxLength)
            {
                throw new DataFileException(path,
                    $"declares dimension {d} of size {Count(size)}, too large to load; is the header damaged?");
            }
            shape[d] = (int)size;
        }

        var expectedLength = headerLength + valueCount;
        var layout = $"{headerLength} bytes of header + {string.Join(" × ", shape.Select(s => Count(s)))} values";
        if (bytes.Length < expectedLength)
        {
            throw new DataFileException(path,
                $"is truncated: expected {Count(expectedLength)} bytes ({layout}), found {Count(bytes.Length)}{after}. " +
                "Was a download or copy interrupted? Fetch or rebuild the file.");
        }
        if (bytes.Length > expectedLength)
        {
            throw new DataFileException(path,
                $"is longer than its header declares: expected {Count(expectedLength)} bytes ({layout}), " +
                $"found {Count(bytes.Length)}{after}. Is the header damaged?");
        }

        return new IdxArray(shape, bytes.AsSpan(headerLength).ToArray());
    }

    // ------------------------------------------------------------------ wording

    internal static string MissingProblem(string path)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        var where = folder is not null && !Directory.Exists(folder) ? $" (its folder {folder} does not exist either)" : "";
        var name = Path.GetFileName(path);
        var hint = Mnist.IsMnistFileName(name) ? " " + Mnist.RegenerateHint : "";
        return $"file not found{where}.{hint}";
    }

    private static string ExpectedMagicText(uint? expectedMagic) => expectedMagic switch
    {
        ImagesMagic => "; images have magic 0x00000803 (unsigned bytes, 3 dimensions: count, rows, columns)",
        LabelsMagic => "; labels have magic 0x00000801 (unsigned bytes, 1 dimension: count)",
        _ => "",
    };

    private static string TypeName(byte type) => type switch
    {
        0x08 => "unsigned byte",
        0x09 => "signed byte",
        0x0B => "16-bit integer",
        0x0C => "32-bit integer",
        0x0D => "32-bit float",
        0x0E => "64-bit float",
        _ => "unknown type",
    };

    private static string Hex(byte[] bytes, int count) =>
        bytes.Length == 0 ? "nothing" : string.Join(" ", bytes.Take(count).Select(b => b.ToString("X2", CultureInfo.InvariantCulture)));

    /// <summary>A guess at what a file that is not IDX might be: a sentence for the message, or nothing.</summary>
    private static string Guess(byte[] bytes)
    {
        var first = bytes.SkipWhile(b => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or 0xEF or 0xBB or 0xBF).FirstOrDefault();
        if (first == (byte)'<') return " It looks like a web page: a failed download?";
        if (first == (byte)'{' || first == (byte)'[') return " It looks like JSON text.";
        if (bytes.Length >= 2 && bytes[0] == (byte)'P' && bytes[1] == (byte)'K') return " It looks like a zip archive: unzip it first.";
        return "";
    }

    internal static string Count(long n) => n.ToString("N0", CultureInfo.InvariantCulture);
}

/// <summary>The contents of an IDX file of unsigned bytes: its shape and its values, row-major.</summary>
/// <param name="Shape">The size of each dimension, e.g. <c>[8000, 28, 28]</c>.</param>
/// <param name="Data">The values, the last index changing fastest.</param>
public sealed record IdxArray(int[] Shape, byte[] Data);

/// <summary>Images read from an IDX file: <see cref="Count"/> images of <see cref="Rows"/> × <see cref="Columns"/> bytes.</summary>
/// <param name="Count">The number of images.</param>
/// <param name="Rows">The height of each image in pixels (28 for MNIST).</param>
/// <param name="Columns">The width of each image in pixels (28 for MNIST).</param>
/// <param name="Pixels">The pixels, image after image, each image row by row: 0 is the background, 255 full ink.</param>
public sealed record IdxImages(int Count, int Rows, int Columns, byte[] Pixels)
{
    /// <summary>The images as a tensor, like the book's <c>load_mnist</c>.</summary>
    /// <param name="normalize">Divide by 255 so the values lie in [0, 1] (otherwise 0–255).</param>
    /// <param name="flatten">Shape <c>(Count, Rows·Columns)</c>, one row per image; otherwise <c>(Count, 1, Rows, Columns)</c>,
    /// the (N, C, H, W) layout of the convolution chapter, with one channel.</param>
    public Tensor ToTensor(bool normalize = true, bool flatten = true) =>
        Mnist.ToImageTensor(Pixels, Count, Rows, Columns, normalize, flatten);
}
