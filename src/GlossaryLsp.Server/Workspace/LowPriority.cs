using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace GlossaryLsp.Server.Workspace;

/// <summary>
/// Background work that must not slow the answers down: it runs on a thread of its own at the lowest CPU
/// priority, so that it gets only the CPU that requests and diagnostics leave. On Linux that is the
/// thread's own nice value (19; .NET ignores <see cref="Thread.Priority"/> there), elsewhere
/// <see cref="ThreadPriority.Lowest"/>.
/// </summary>
internal static class LowPriority
{
    /// <summary>
    /// Runs <paramref name="work"/> on a new lowest-priority thread. The work must not queue anything to
    /// the thread pool: a pool thread started for it would inherit its priority. So the returned task is
    /// completed from a thread of normal priority that waits for it, never from the worker itself.
    /// </summary>
    public static Task Run(string name, Action work)
    {
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            Lower();
            try { work(); }
            catch (Exception e) { failure = e; }
        })
        { IsBackground = true, Name = name, Priority = ThreadPriority.Lowest };
        thread.Start();
        return Task.Factory.StartNew(() =>
        {
            thread.Join();
            if (failure is not null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    /// <summary>
    /// A task scheduler of <paramref name="threads"/> threads of its own at nice <paramref name="nice"/>
    /// (Linux): work run on it yields the CPU to the threads of normal priority, such as the one reading
    /// the client's messages. Tasks never run inline on the calling thread. Dispose ends the threads.
    /// </summary>
    public static DedicatedScheduler Scheduler(string name, int threads, int nice) => new(name, threads, nice);

    private static void Lower(int nice = 19)
    {
        if (!OperatingSystem.IsLinux()) return;
        try
        {
            // PRIO_PROCESS with who = 0 is the calling thread on Linux: nice values are per thread.
            _ = SetPriority(0, 0, nice);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
        }
    }

    [DllImport("libc", EntryPoint = "setpriority")]
    private static extern int SetPriority(int which, int who, int priority);

    internal sealed class DedicatedScheduler : TaskScheduler, IDisposable
    {
        private readonly BlockingCollection<Task> _tasks = [];
        private readonly int _threads;

        public DedicatedScheduler(string name, int threads, int nice)
        {
            _threads = threads;
            for (int i = 0; i < threads; i++)
                new Thread(() =>
                {
                    Lower(nice);
                    foreach (var task in _tasks.GetConsumingEnumerable()) TryExecuteTask(task);
                })
                { IsBackground = true, Name = name, Priority = ThreadPriority.BelowNormal }.Start();
        }

        public override int MaximumConcurrencyLevel => _threads;
        public void Dispose() => _tasks.CompleteAdding();
        protected override void QueueTask(Task task) => _tasks.Add(task);
        protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued) => false;
        protected override IEnumerable<Task> GetScheduledTasks() => _tasks.ToArray();
    }
}
