// hello: the smallest program of the build matrix (data/go/buildmatrix/record.sh).
package main

import "fmt"

func main() {
	fmt.Println("hello, 深圳")
}
