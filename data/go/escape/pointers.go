// Package escape holds small functions, each showing one classic reason why a value does (or does not) move
// to the heap. Compile with `go build -gcflags=-m ./` (or -m=2) and compare with cases.json.
package escape

// Node is a small linked-list node used by several cases.
type Node struct {
	Val  int
	Next *Node
}

var global *int

var globalNode *Node

// ReturnLocalAddr 返回局部变量的地址：x 必须比函数活得更久，编译器报告 "moved to heap: x"。
func ReturnLocalAddr() *int {
	x := 42
	return &x
}

// ReturnNew 返回 new 出来的指针：分配表达式本身逃逸，报告 "new(int) escapes to heap"。
func ReturnNew() *int {
	return new(int)
}

// StoreGlobal 把局部变量地址存进全局变量：全局变量永远存活，x 被移到堆上。
func StoreGlobal() {
	x := 1
	global = &x
}

// LocalPointerOnly 指针只在函数内部使用：&Node{} 不逃逸，留在栈上。
func LocalPointerOnly() int {
	n := &Node{Val: 7}
	return n.Val
}

// NewNoEscape new 并不意味着堆分配：结果不离开函数就留在栈上。
func NewNoEscape() int {
	p := new(int)
	*p = 3
	return *p
}

// ParamToResult 参数原样返回：参数"泄漏到结果"，调用方决定它是否逃逸。
func ParamToResult(p *int) *int {
	return p
}

// ParamToGlobal 参数存进全局变量：参数泄漏到堆（leaking param）。
func ParamToGlobal(p *int) {
	global = p
}

// ParamContentToGlobal 只泄漏参数指向的内容（解引用一次后的值）：leaking param content。
func ParamContentToGlobal(pp **int) {
	global = *pp
}

// ParamReadOnly 只读取参数：参数不逃逸（p does not escape）。
func ParamReadOnly(p *int) int {
	return *p + 1
}

// LinkLocalNodes 局部节点互相链接但不离开函数：两个复合字面量都不逃逸。
func LinkLocalNodes() int {
	a := &Node{Val: 1}
	b := &Node{Val: 2, Next: a}
	return b.Next.Val
}

// StoreNodeGlobal 链表头存进全局变量：&Node{} 逃逸到堆。
func StoreNodeGlobal(v int) {
	globalNode = &Node{Val: v}
}

// ChanSendPointer 通过 channel 发送指针：编译器无法追踪接收方，x 被移到堆上。
func ChanSendPointer(ch chan *int) {
	x := 5
	ch <- &x
}
