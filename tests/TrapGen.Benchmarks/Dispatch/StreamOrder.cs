namespace TrapGen.Benchmarks.Dispatch;

/// <summary>How a benchmark's syndromes are ordered.</summary>
public enum StreamOrder
{
    /// <summary>Uniformly shuffled: every trap's register is unpredictable.</summary>
    Shuffled,

    /// <summary>A fixed sequence repeated, as a guest's recurring code produces.</summary>
    Repeating,

    /// <summary>One register only, written and read in turn: every branch predictable, the best case.</summary>
    OneRegister,
}
