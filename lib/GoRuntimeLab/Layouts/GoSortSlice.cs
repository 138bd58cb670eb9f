// Mirrors: sort.Slice (src/sort/slice.go) and its pattern-defeating quicksort pdqsort_func with insertionSort_func,
// heapSort_func, partition_func, partitionEqual_func, partialInsertionSort_func, breakPatterns_func (xorshift seeded
// by the length), choosePivot_func, median_func, medianAdjacent_func, reverseRange_func (src/sort/zsortfunc.go,
// sort.go), Go 1.19 — identical through Go 1.23. Not a stable sort: elements that compare equal end where Go puts them.
using System.Numerics;

namespace GoRuntimeLab.Layouts;

/// <summary>Go's <c>sort.Slice</c>, step for step, so a port of Go code that sorts gives Go's order, ties included.</summary>
public static class GoSortSlice
{
    private const int IncreasingHint = 1;
    private const int DecreasingHint = 2;

    /// <summary>Sorts <paramref name="data"/> in place as <c>sort.Slice(data, func(i, j int) bool { return less(data[i], data[j]) })</c>.</summary>
    public static void Sort<T>(IList<T> data, Func<T, T, bool> less)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(less);
        var s = new Sorter<T>(data, less);
        var limit = BitOperations.Log2((uint)data.Count) + (data.Count == 0 ? 0 : 1); // bits.Len(uint(length))
        s.Pdqsort(0, data.Count, limit);
    }

    private sealed class Sorter<T>(IList<T> data, Func<T, T, bool> less)
    {
        private bool Less(int i, int j) => less(data[i], data[j]);

        private void Swap(int i, int j) => (data[i], data[j]) = (data[j], data[i]);

        private void InsertionSort(int a, int b)
        {
            for (var i = a + 1; i < b; i++)
                for (var j = i; j > a && Less(j, j - 1); j--)
                    Swap(j, j - 1);
        }

        private void SiftDown(int lo, int hi, int first)
        {
            var root = lo;
            while (true)
            {
                var child = 2 * root + 1;
                if (child >= hi) return;
                if (child + 1 < hi && Less(first + child, first + child + 1)) child++;
                if (!Less(first + root, first + child)) return;
                Swap(first + root, first + child);
                root = child;
            }
        }

        private void HeapSort(int a, int b)
        {
            var first = a;
            var hi = b - a;
            for (var i = (hi - 1) / 2; i >= 0; i--) SiftDown(i, hi, first);
            for (var i = hi - 1; i >= 0; i--)
            {
                Swap(first, first + i);
                SiftDown(0, i, first);
            }
        }

        public void Pdqsort(int a, int b, int limit)
        {
            const int maxInsertion = 12;
            bool wasBalanced = true, wasPartitioned = true;
            while (true)
            {
                var length = b - a;
                if (length <= maxInsertion)
                {
                    InsertionSort(a, b);
                    return;
                }
                if (limit == 0)
                {
                    HeapSort(a, b);
                    return;
                }
                if (!wasBalanced)
                {
                    BreakPatterns(a, b);
                    limit--;
                }
                var (pivot, hint) = ChoosePivot(a, b);
                if (hint == DecreasingHint)
                {
                    ReverseRange(a, b);
                    pivot = (b - 1) - (pivot - a);
                    hint = IncreasingHint;
                }
                if (wasBalanced && wasPartitioned && hint == IncreasingHint && PartialInsertionSort(a, b)) return;
                if (a > 0 && !Less(a - 1, pivot))
                {
                    a = PartitionEqual(a, b, pivot);
                    continue;
                }
                var (mid, alreadyPartitioned) = Partition(a, b, pivot);
                wasPartitioned = alreadyPartitioned;
                int leftLen = mid - a, rightLen = b - mid;
                var balanceThreshold = length / 8;
                if (leftLen < rightLen)
                {
                    wasBalanced = leftLen >= balanceThreshold;
                    Pdqsort(a, mid, limit);
                    a = mid + 1;
                }
                else
                {
                    wasBalanced = rightLen >= balanceThreshold;
                    Pdqsort(mid + 1, b, limit);
                    b = mid;
                }
            }
        }

        private (int Pivot, bool AlreadyPartitioned) Partition(int a, int b, int pivot)
        {
            Swap(a, pivot);
            int i = a + 1, j = b - 1;
            while (i <= j && Less(i, a)) i++;
            while (i <= j && !Less(j, a)) j--;
            if (i > j)
            {
                Swap(j, a);
                return (j, true);
            }
            Swap(i, j);
            i++;
            j--;
            while (true)
            {
                while (i <= j && Less(i, a)) i++;
                while (i <= j && !Less(j, a)) j--;
                if (i > j) break;
                Swap(i, j);
                i++;
                j--;
            }
            Swap(j, a);
            return (j, false);
        }

        private int PartitionEqual(int a, int b, int pivot)
        {
            Swap(a, pivot);
            int i = a + 1, j = b - 1;
            while (true)
            {
                while (i <= j && !Less(a, i)) i++;
                while (i <= j && Less(a, j)) j--;
                if (i > j) break;
                Swap(i, j);
                i++;
                j--;
            }
            return i;
        }

        private bool PartialInsertionSort(int a, int b)
        {
            const int maxSteps = 5, shortestShifting = 50;
            var i = a + 1;
            for (var step = 0; step < maxSteps; step++)
            {
                while (i < b && !Less(i, i - 1)) i++;
                if (i == b) return true;
                if (b - a < shortestShifting) return false;
                Swap(i, i - 1);
                if (i - a >= 2)
                {
                    for (var j = i - 1; j >= 1; j--)
                    {
                        if (!Less(j, j - 1)) break;
                        Swap(j, j - 1);
                    }
                }
                if (b - i >= 2)
                {
                    for (var j = i + 1; j < b; j++)
                    {
                        if (!Less(j, j - 1)) break;
                        Swap(j, j - 1);
                    }
                }
            }
            return false;
        }

        private void BreakPatterns(int a, int b)
        {
            var length = b - a;
            if (length < 8) return;
            var random = (ulong)length; // xorshift(length)
            var modulus = 1UL << (BitOperations.Log2((uint)length) + 1); // nextPowerOfTwo: 1 << bits.Len(length)
            for (var idx = a + (length / 4) * 2 - 1; idx <= a + (length / 4) * 2 + 1; idx++)
            {
                random ^= random << 13;
                random ^= random >> 17;
                random ^= random << 5;
                var other = (int)(random & (modulus - 1));
                if (other >= length) other -= length;
                Swap(idx, a + other);
            }
        }

        private (int Pivot, int Hint) ChoosePivot(int a, int b)
        {
            const int shortestNinther = 50, maxSwaps = 4 * 3;
            var l = b - a;
            var swaps = 0;
            int i = a + l / 4 * 1, j = a + l / 4 * 2, k = a + l / 4 * 3;
            if (l >= 8)
            {
                if (l >= shortestNinther)
                {
                    i = Median(i - 1, i, i + 1, ref swaps);
                    j = Median(j - 1, j, j + 1, ref swaps);
                    k = Median(k - 1, k, k + 1, ref swaps);
                }
                j = Median(i, j, k, ref swaps);
            }
            return swaps switch
            {
                0 => (j, IncreasingHint),
                maxSwaps => (j, DecreasingHint),
                _ => (j, 0),
            };
        }

        private (int, int) Order2(int a, int b, ref int swaps)
        {
            if (Less(b, a))
            {
                swaps++;
                return (b, a);
            }
            return (a, b);
        }

        private int Median(int a, int b, int c, ref int swaps)
        {
            (a, b) = Order2(a, b, ref swaps);
            (b, c) = Order2(b, c, ref swaps);
            (_, b) = Order2(a, b, ref swaps);
            return b;
        }

        private void ReverseRange(int a, int b)
        {
            for (int i = a, j = b - 1; i < j; i++, j--) Swap(i, j);
        }
    }
}
