/// How docbao may put text on the clipboard (`[reader] copy`): through the terminal with OSC 52, or
/// not at all (the default: a terminal that honours OSC 52 lets any program set the clipboard, so
/// the user says whether docbao may).
public enum CopyMethod: String, CaseIterable, Sendable {
    case osc52, off
}
