namespace TrapGen.Runtime.Guests;

/// <summary>What one step of a guest program did.</summary>
/// <param name="Refusal">Why the step was refused, or <see cref="StepRefusal.None"/> when it ran.</param>
/// <param name="Hcr">HCR_EL2 before and after the step, and why it changed.</param>
/// <param name="Instruction">What the instruction did, for an <see cref="InstructionStep"/> that ran.</param>
/// <param name="DomainCrashed">Whether the domain is crashed after the step.</param>
public readonly record struct StepResult(StepRefusal Refusal, HcrChange Hcr, ExecutedInstruction? Instruction, bool DomainCrashed)
{
    /// <summary>Gets whether the step ran.</summary>
    public bool Ran => Refusal == StepRefusal.None;
}
