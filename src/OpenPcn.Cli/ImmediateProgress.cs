namespace OpenPcn.Cli;

/// <summary>Reports progress on the caller's thread (Progress&lt;T&gt; would post it to the thread pool, out of order).</summary>
internal sealed class ImmediateProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
