package escape

// Counter 返回一个闭包：被修改的变量 n 按引用捕获，闭包逃逸，n 被移到堆上。
func Counter() func() int {
	n := 0
	return func() int {
		n++
		return n
	}
}

// CaptureByValue 闭包只读取一个小变量：按值捕获，x 不必移到堆上，但闭包本身逃逸。
func CaptureByValue() func() int {
	x := 10
	return func() int {
		return x
	}
}

// LocalClosure 闭包只在函数内调用：func literal 不逃逸，total 留在栈上。
func LocalClosure(xs []int) int {
	total := 0
	add := func(v int) { total += v }
	for _, v := range xs {
		add(v)
	}
	return total
}

// GoroutineCapture go 语句启动的闭包可能比函数活得久：闭包逃逸，被修改的 x 移到堆上。
func GoroutineCapture(done chan bool) {
	x := 0
	go func() {
		x++
		done <- true
	}()
}

// DeferClosure 非循环中的 defer 闭包：闭包不逃逸（直接在栈上构造）。
func DeferClosure() (r int) {
	x := 1
	defer func() { r = x * 2 }()
	return 0
}

// DeferInLoop 循环中的 defer 闭包：次数未知，只能在堆上分配 defer 记录和闭包。
func DeferInLoop(n int) (r int) {
	for i := 0; i < n; i++ {
		defer func() { r++ }()
	}
	return 0
}

// GoroutineByValue go 闭包只读取参数副本：闭包逃逸，但按值捕获的 v 不移到堆上。
func GoroutineByValue(v int, out chan int) {
	go func() {
		out <- v
	}()
}
