package escape

// ReturnSlice 返回 make 出来的切片：底层数组逃逸到堆。
func ReturnSlice() []int {
	s := make([]int, 10)
	return s
}

// AppendLocal 切片只在本地 append：初始 make 不逃逸；超出容量时 growslice 在运行时从堆分配新数组。
func AppendLocal() int {
	s := make([]int, 0, 4)
	for i := 0; i < 10; i++ {
		s = append(s, i)
	}
	return len(s)
}

// AppendParam 向参数切片 append 并返回：参数泄漏到结果。
func AppendParam(s []int, v int) []int {
	return append(s, v)
}

// SliceOfPointers 返回指向局部变量的指针切片：a、b 被移到堆，切片字面量逃逸。
func SliceOfPointers() []*int {
	a, b := 1, 2
	return []*int{&a, &b}
}

// LocalSliceLiteral 只在本地使用的切片字面量：不逃逸。
func LocalSliceLiteral() int {
	s := []int{1, 2, 3}
	return s[0] + s[2]
}

// LocalMap 只在本地使用的 map：make(map) 不逃逸（小 map 的桶也可以在栈上）。
func LocalMap() int {
	m := make(map[string]int)
	m["a"] = 1
	return m["a"]
}

// ReturnMap 返回 map：map 逃逸到堆。
func ReturnMap() map[string]int {
	return map[string]int{"a": 1}
}

// MapStorePointer 把局部变量的地址存进 map：map 的内容总视为在堆上，x 被移到堆。
func MapStorePointer() int {
	m := map[int]*int{}
	x := 1
	m[0] = &x
	return len(m)
}

// BytesToString 返回 string(b) 转换结果：新字符串逃逸，参数 b 不逃逸。
func BytesToString(b []byte) string {
	return string(b)
}

// ConcatStrings 返回字符串拼接结果：a + b 逃逸到堆。
func ConcatStrings(a, b string) string {
	return a + b
}

// sum 是可变参数函数，供 VariadicCall 调用。
func sum(xs ...int) int {
	t := 0
	for _, x := range xs {
		t += x
	}
	return t
}

// VariadicCall 调用可变参数函数：隐式创建的 ... 切片不逃逸。
func VariadicCall() int {
	return sum(1, 2, 3)
}
