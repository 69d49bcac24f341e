namespace DreamOmni2.Cli.Bench;

/// <summary>y ≈ A + B·x + C·x², least squares (the normal equations, solved by Cramer's rule).</summary>
internal readonly record struct QuadraticFit(double A, double B, double C)
{
    public static QuadraticFit Of(IReadOnlyList<(double X, double Y)> points)
    {
        if (points.Count < 3)
        {
            throw new ArgumentException("a quadratic needs three points", nameof(points));
        }
        double s0 = points.Count, s1 = 0, s2 = 0, s3 = 0, s4 = 0, t0 = 0, t1 = 0, t2 = 0;
        foreach (var (x, y) in points)
        {
            s1 += x;
            s2 += x * x;
            s3 += x * x * x;
            s4 += x * x * x * x;
            t0 += y;
            t1 += x * y;
            t2 += x * x * y;
        }
        double det = Det(s0, s1, s2, s1, s2, s3, s2, s3, s4);
        return new QuadraticFit(
            Det(t0, s1, s2, t1, s2, s3, t2, s3, s4) / det,
            Det(s0, t0, s2, s1, t1, s3, s2, t2, s4) / det,
            Det(s0, s1, t0, s1, s2, t1, s2, s3, t2) / det);
    }

    private static double Det(double a, double b, double c, double d, double e, double f, double g, double h, double i) =>
        a * (e * i - f * h) - b * (d * i - f * g) + c * (d * h - e * g);
}
