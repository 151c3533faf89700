using Tansiq.IO.Readers;

namespace Tansiq.IO.Tests.Readers;

public class ReadAheadTests
{
    [Fact]
    public void Of_ManyBatches_SameItemsInOrder()
    {
        var source = Enumerable.Range(0, 100_003);

        var read = ReadAhead.Of(source, batchSize: 1000, batchesAhead: 2).ToList();

        Assert.Equal(source, read);
    }

    [Fact]
    public void Of_SourceThrowsMidway_ItemsBeforeThenTheSameException()
    {
        static IEnumerable<int> Failing()
        {
            for (var i = 0; i < 2500; i++)
            {
                yield return i;
            }
            throw new InputException("posts.csv", 2502, "empty user_id");
        }
        var seen = new List<int>();

        var error = Assert.Throws<InputException>(() =>
        {
            foreach (var item in ReadAhead.Of(Failing(), batchSize: 1000))
            {
                seen.Add(item);
            }
        });

        Assert.Equal(Enumerable.Range(0, 2500), seen);
        Assert.Contains("posts.csv", error.Message);
        Assert.Contains("2502", error.Message);
    }

    [Fact]
    public void Of_ConsumerStopsEarly_SourceIsDisposedBeforeReturning()
    {
        var source = new CountingSource();

        var first = ReadAhead.Of(source, batchSize: 10, batchesAhead: 1).Take(5).ToList();

        // The producer was stopped and waited for: the source's enumerator is disposed, and it read at most a few
        // batches ahead, not the whole (endless) source.
        Assert.Equal([0, 1, 2, 3, 4], first);
        Assert.True(source.Disposed);
        Assert.InRange(source.Produced, 5, 40);
    }

    private sealed class CountingSource : IEnumerable<int>
    {
        public int Produced;
        public bool Disposed;

        public IEnumerator<int> GetEnumerator()
        {
            try
            {
                while (true)
                {
                    yield return Produced++;
                }
            }
            finally
            {
                Disposed = true;
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
