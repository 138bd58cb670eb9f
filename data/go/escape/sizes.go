package escape

// MakeConstSmall 常量大小的 make（4 KiB）且不逃逸：直接在栈上分配。
func MakeConstSmall() int {
	buf := make([]byte, 4096)
	return len(buf)
}

// MakeVariable 大小在编译期未知：只能在堆上分配（non-constant size）。
func MakeVariable(n int) int {
	buf := make([]byte, n)
	return len(buf)
}

// MakeExactly64K 隐式分配恰好 64 KiB：未超过 MaxImplicitStackVarSize，仍在栈上。
func MakeExactly64K() int {
	buf := make([]byte, 64<<10)
	return len(buf)
}

// MakeOver64K 隐式分配超过 64 KiB（多 1 字节）：too large for stack，移到堆上。
func MakeOver64K() int {
	buf := make([]byte, 64<<10+1)
	return len(buf)
}

// NewOver64K new 一个超过 64 KiB 的数组：同样超过隐式分配上限。
func NewOver64K() int {
	p := new([65537]byte)
	return len(p)
}

// ArrayVar1MiB 显式声明的 1 MiB 数组变量：显式变量的上限是 10 MiB，所以留在栈上。
func ArrayVar1MiB() byte {
	var buf [1 << 20]byte
	buf[0] = 1
	return buf[len(buf)-1]
}

// ArrayVarExactly10MiB 显式变量恰好 10 MiB：未超过 MaxStackVarSize，仍在栈上。
func ArrayVarExactly10MiB() byte {
	var buf [10 << 20]byte
	buf[0] = 1
	return buf[len(buf)-1]
}

// ArrayVarOver10MiB 显式变量超过 10 MiB：moved to heap。
func ArrayVarOver10MiB() byte {
	var buf [10<<20 + 1]byte
	buf[0] = 1
	return buf[len(buf)-1]
}
