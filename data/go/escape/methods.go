package escape

// Tally is a counter with a pointer-receiver method.
type Tally struct{ n int }

// Inc increments and returns the count.
func (t *Tally) Inc() int {
	t.n++
	return t.n
}

// MethodValue 返回方法值 t.Inc：它绑定了接收者，方法值闭包和 &Tally{} 都逃逸。
func MethodValue() func() int {
	t := &Tally{}
	return t.Inc
}

// PointerReceiverLocal 在局部值上调用指针接收者方法：接收者不逃逸，t 留在栈上。
func PointerReceiverLocal() int {
	var t Tally
	t.Inc()
	return t.Inc()
}

// MethodExprLocal 在本地调用方法值：方法值不逃逸。
func MethodExprLocal() int {
	t := Tally{}
	f := t.Inc
	return f()
}

// ReturnStructValue 按值返回结构体：不涉及指针，没有任何堆分配。
func ReturnStructValue() Tally {
	t := Tally{n: 1}
	return t
}
