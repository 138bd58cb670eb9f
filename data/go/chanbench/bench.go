package main

import "testing"

// Capacities of the buffered-stream benchmark (0 is the unbuffered handoff again, as a reference point).
var streamCaps = []int{0, 1, 8, 64, 1024}

// unbufferedHandoff: a sender goroutine hands b.N values to the benchmark goroutine over make(chan int).
// Each value is a rendezvous (chan.go: send finds a parked receiver, or parks and is found).
func unbufferedHandoff(b *testing.B) {
	c := make(chan int)
	go func() {
		for i := 0; i < b.N; i++ {
			c <- i
		}
	}()
	for i := 0; i < b.N; i++ {
		<-c
	}
}

// bufferedStream: the same stream of b.N values over make(chan int, capacity); the sender runs ahead by up to
// capacity values, so fewer sends and receives park.
func bufferedStream(capacity int) func(b *testing.B) {
	return func(b *testing.B) {
		c := make(chan int, capacity)
		go func() {
			for i := 0; i < b.N; i++ {
				c <- i
			}
			close(c)
		}()
		for range c {
		}
	}
}

// selectNonblockEmpty: select { case <-c: default: } on an empty channel — selectnbrecv → chanrecv(block=false),
// whose lock-free fast path (empty(c)) returns without taking the channel's lock.
func selectNonblockEmpty(b *testing.B) {
	c := make(chan int)
	hits := 0
	for i := 0; i < b.N; i++ {
		select {
		case <-c:
			hits++
		default:
		}
	}
	if hits != 0 {
		b.Fatal("received from an empty channel")
	}
}

// selectNonblockReady: select { case c <- i: default: } then <-c on make(chan int, 1): the send is possible, so the
// non-blocking send takes the lock and copies into the buffer like an ordinary send.
func selectNonblockReady(b *testing.B) {
	c := make(chan int, 1)
	for i := 0; i < b.N; i++ {
		select {
		case c <- i:
		default:
			b.Fatal("the buffer slot should be free")
		}
		<-c
	}
}

// selectOneReady: a two-case select (selectgo: shuffle, lock both channels, poll) where one case is ready
// (a value put in a buffered channel just before) and the other never is.
func selectOneReady(b *testing.B) {
	c := make(chan int, 1)
	never := make(chan int)
	for i := 0; i < b.N; i++ {
		c <- i
		select {
		case <-c:
		case <-never:
		}
	}
}

// pingPong: two goroutines bounce a value over two unbuffered channels; one op = one round trip (two handoffs).
func pingPong(b *testing.B) {
	ping, pong := make(chan int), make(chan int)
	go func() {
		for v := range ping {
			pong <- v
		}
	}()
	for i := 0; i < b.N; i++ {
		ping <- i
		<-pong
	}
	close(ping)
}
