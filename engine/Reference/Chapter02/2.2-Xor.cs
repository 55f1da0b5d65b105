namespace DeepLearningKata.Reference;

public partial class Chapter2Reference
{
    /// <inheritdoc/>
    public virtual int Xor(double x1, double x2)
    {
        var s1 = Nand(x1, x2); // first layer
        var s2 = Or(x1, x2);
        return And(s1, s2);    // second layer
    }
}
