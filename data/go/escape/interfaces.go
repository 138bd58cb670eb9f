package escape

import "fmt"

var sink interface{}

// Celsius is a named type with a String method, for the interface cases.
type Celsius float64

// String formats the temperature.
func (c Celsius) String() string { return fmt.Sprint(float64(c)) + "°C" }

// PrintInt 把 int 传给 fmt.Println：转换成 interface{} 时装箱的值逃逸（x escapes to heap）。
func PrintInt(x int) {
	fmt.Println(x)
}

// AssignInterface 把值赋给全局 interface{} 变量：装箱的副本逃逸到堆。
func AssignInterface(x int) {
	sink = x
}

// SprintfArg fmt.Sprintf 的参数同样装箱并逃逸；可变参数切片本身不逃逸。
func SprintfArg(n int) string {
	return fmt.Sprintf("n=%d", n)
}

// CallThroughInterface 通过接口调用方法：编译器不知道具体实现，参数 s 泄漏（leaking param: s）。
func CallThroughInterface(s fmt.Stringer) string {
	return s.String()
}

// LocalInterface 接口值只在本地使用且不调用未知函数：装箱的值不逃逸。
func LocalInterface(x int) bool {
	var i interface{} = x
	_, ok := i.(int)
	return ok
}

// StringerLocal 接口值在本地构造后立即调用方法：编译器把调用去虚拟化（devirtualizing），装箱的 Celsius(21.5) 不逃逸。
func StringerLocal() string {
	var s fmt.Stringer = Celsius(21.5)
	return s.String()
}

// ErrorfWrap fmt.Errorf 的参数装箱后逃逸，返回的 error 也在堆上。
func ErrorfWrap(code int) error {
	return fmt.Errorf("code %d", code)
}
