import random, sys
random.seed(int(sys.argv[1]))
old=["goos: linux","goarch: amd64","pkg: example.com/stress"]
new=list(old)
for b in range(60):
    n1=random.choice([1,2,3,4,5,6,7,8,9,10,10,10,12,15,20,21,25,26,29,30,31,40,50,51,60])
    n2=random.choice([n1,n1,n1,random.randint(1,60)])
    base=random.choice([1,10,100,1234.5,1e5,3e7])
    shift=random.choice([1,1,1.001,1.01,1.05,0.97,1.3])
    tie=random.choice([0,0,0.5,0.9])
    def vals(n,f):
        out=[]
        for i in range(n):
            if tie and random.random()<tie and out:
                out.append(random.choice(out))
            else:
                v=base*f*(1+random.gauss(0,0.03))
                out.append(round(v, random.choice([0,1,2])) if base>=10 else round(v,4))
        return out
    unit=random.choice(["ns/op","ns/op","B/op","allocs/op","MB/s","widgets"])
    for v in vals(n1,1): old.append(f"BenchmarkS{b}-8 1000 {v} {unit}")
    for v in vals(n2,shift): new.append(f"BenchmarkS{b}-8 1000 {v} {unit}")
open("stress-old.txt","w").write("\n".join(old)+"\n")
open("stress-new.txt","w").write("\n".join(new)+"\n")
